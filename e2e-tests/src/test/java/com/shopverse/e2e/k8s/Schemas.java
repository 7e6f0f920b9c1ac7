package com.shopverse.e2e.k8s;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks each rendered document against the schema of its kind, refusing any field the schema does
 * not have (a misspelt "readinesProbe" would otherwise be dropped silently by the API server or,
 * worse, by the operator).
 *
 * <ul>
 *   <li>Kubernetes' own kinds: read into fabric8's typed model (kubernetes-model 8.0.0, Kubernetes
 *       1.33 API). fabric8 keeps unknown fields in each object's additionalProperties map; the
 *       mapper here takes that any-setter away, so an unknown field anywhere fails with its path,
 *       and a number written as a string fails too (no scalar coercion).
 *   <li>The operators' kinds (Strimzi, Flink operator, Altinity, CloudNativePG): no typed model is
 *       served for all four, so JSON schemas trimmed from their real CRDs (deploy/k8s/crd-schemas,
 *       made by trim_crd.py). Where a CRD embeds a Kubernetes type without a schema
 *       (x-kubernetes-preserve-unknown-fields), that part is read into the typed model as well.
 * </ul>
 */
final class Schemas {

  static final Map<String, Class<?>> KUBERNETES_KINDS =
      Map.ofEntries(
          entry("v1/Namespace", Namespace.class),
          entry("v1/ConfigMap", ConfigMap.class),
          entry("v1/Secret", Secret.class),
          entry("v1/Service", Service.class),
          entry("v1/ServiceAccount", ServiceAccount.class),
          entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
          entry("apps/v1/Deployment", Deployment.class),
          entry("apps/v1/StatefulSet", StatefulSet.class),
          entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          entry("networking.k8s.io/v1/Ingress", Ingress.class),
          entry("rbac.authorization.k8s.io/v1/Role", Role.class),
          entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

  /** Parts of operator resources that are Kubernetes types the CRD leaves unchecked. */
  static final Map<String, Map<String, Class<?>>> EMBEDDED =
      Map.of(
          "clickhouse.altinity.com/v1/ClickHouseInstallation",
          Map.of(
              "/spec/templates/podTemplates/*/spec", PodSpec.class,
              "/spec/templates/volumeClaimTemplates/*/spec", PersistentVolumeClaimSpec.class),
          "flink.apache.org/v1beta1/FlinkDeployment",
          Map.of("/spec/podTemplate", PodTemplateSpec.class));

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .addModule(
              new SimpleModule()
                  .setDeserializerModifier(
                      new BeanDeserializerModifier() {
                        @Override
                        public BeanDeserializerBuilder updateBuilder(
                            DeserializationConfig config,
                            BeanDescription description,
                            BeanDeserializerBuilder builder) {
                          builder.setAnySetter(null);
                          return builder;
                        }
                      }))
          .build();

  private final Path crdSchemas;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);

  Schemas(Path crdSchemas) {
    this.crdSchemas = crdSchemas;
  }

  /** What is wrong with one document; empty when it matches the schema of its kind. */
  List<String> problems(JsonNode doc) {
    String apiVersion = doc.path("apiVersion").asText();
    String kind = doc.path("kind").asText();
    String type = apiVersion + "/" + kind;
    String id = Manifests.id(doc);
    List<String> problems = new ArrayList<>();
    Class<?> model = KUBERNETES_KINDS.get(type);
    if (model != null) {
      strict(id, doc, model, problems);
      return problems;
    }
    Path schemaFile = crdSchemas.resolve(apiVersion.split("/")[0] + "_" + kind + ".json");
    if (!Files.isRegularFile(schemaFile)) {
      problems.add(
          id + ": no schema for " + type + " (add it to " + getClass().getSimpleName() + ")");
      return problems;
    }
    schema(schemaFile).validate(doc).forEach(m -> problems.add(id + ": " + m.getMessage()));
    EMBEDDED
        .getOrDefault(type, Map.of())
        .forEach((pointer, part) -> at(doc, pointer).forEach(n -> strict(id, n, part, problems)));
    return problems;
  }

  private static void strict(String id, JsonNode node, Class<?> model, List<String> problems) {
    try {
      STRICT.treeToValue(node, model);
    } catch (JsonMappingException e) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference ref : e.getPath()) {
        path.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
      }
      String message = e.getOriginalMessage();
      // Jackson lists every known property after the field; the field and the path say enough.
      int known = message.indexOf(", not marked as ignorable");
      problems.add(id + " at " + path + ": " + (known > 0 ? message.substring(0, known) : message));
    } catch (IOException e) {
      problems.add(id + " (" + model.getSimpleName() + "): " + e.getMessage());
    }
  }

  private JsonSchema schema(Path file) {
    try {
      return factory.getSchema(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** The nodes at a JSON pointer whose "*" segments stand for every element of an array. */
  static List<JsonNode> at(JsonNode root, String pointer) {
    List<JsonNode> nodes = List.of(root);
    for (String segment : pointer.substring(1).split("/")) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : nodes) {
        if (segment.equals("*")) {
          node.forEach(next::add);
        } else if (node.has(segment)) {
          next.add(node.get(segment));
        }
      }
      nodes = next;
    }
    return nodes;
  }
}
