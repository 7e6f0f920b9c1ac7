package com.shopverse.e2e.k8s;

import static com.shopverse.e2e.k8s.Manifests.id;
import static com.shopverse.e2e.k8s.Manifests.name;
import static com.shopverse.e2e.k8s.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopverse.e2e.SpringServices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The deployment rules that matter, each as a function from the rendered documents to what breaks
 * it (an empty list: the rule holds). Kept apart from the test so that the test can also show each
 * rule catches a broken manifest.
 */
final class Rules {

  static final List<String> SPRING_SERVICES = SpringServices.NAMES;

  /** A workload without a HorizontalPodAutoscaler must say why in this annotation. */
  static final String NO_AUTOSCALING = "shopverse.io/no-autoscaling";

  /** Namespaces inside the cluster that may reach some pods: Prometheus and the operators. */
  static final Set<String> CLUSTER_NAMESPACES =
      Set.of("monitoring", "cnpg-system", "clickhouse-operator", "flink-operator");

  /**
   * Who may call whom: for the pods a NetworkPolicy selects (by one label), the pod labels its
   * rules may let in. Anything else let in by a podSelector breaks the rule.
   */
  static final Map<String, Set<String>> CALLERS =
      Map.ofEntries(
          Map.entry("app.kubernetes.io/name=gateway-service", Set.of()),
          Map.entry("app.kubernetes.io/name=auth-service", Set.of("shopverse.io/tier=service")),
          Map.entry(
              "app.kubernetes.io/name=catalog-service",
              app("gateway-service", "order-service", "recommendation-service")),
          Map.entry("app.kubernetes.io/name=order-service", app("gateway-service")),
          Map.entry("app.kubernetes.io/name=event-ingest-service", app("gateway-service")),
          Map.entry("app.kubernetes.io/name=recommendation-service", app("gateway-service")),
          Map.entry("app.kubernetes.io/name=redis", app("gateway-service")),
          Map.entry(
              "cnpg.io/cluster=shopverse-db",
              union(
                  app("auth-service", "catalog-service", "order-service"),
                  Set.of("cnpg.io/cluster=shopverse-db"))),
          Map.entry(
              "clickhouse.altinity.com/chi=shopverse",
              union(
                  app("recommendation-service"),
                  Set.of(
                      "app=shopverse-analytics",
                      "app=shopverse-ops",
                      "clickhouse.altinity.com/chi=shopverse"))),
          Map.entry("app=shopverse-analytics", Set.of("app=shopverse-analytics")),
          Map.entry("app=shopverse-ops", Set.of("app=shopverse-ops")));

  /** The pods that reach Kafka's listener (Strimzi writes its NetworkPolicy from these). */
  static final Set<String> KAFKA_CLIENTS =
      union(
          app("auth-service", "catalog-service", "order-service", "event-ingest-service"),
          Set.of("app=shopverse-analytics", "app=shopverse-ops"));

  private Rules() {}

  /** Every container of a Deployment or StatefulSet has three probes, requests and limits. */
  static List<String> probesAndResources(List<JsonNode> docs) {
    List<String> broken = new ArrayList<>();
    workloads(docs)
        .forEach(
            w -> {
              boolean spring = SPRING_SERVICES.contains(name(w));
              for (JsonNode c : w.at("/spec/template/spec/containers")) {
                String where = id(w) + " container " + c.path("name").asText();
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                  if (!c.has(probe)) {
                    broken.add(where + ": no " + probe);
                  }
                }
                if (spring) {
                  expectPath(broken, where, c, "startupProbe", "/actuator/health/liveness");
                  expectPath(broken, where, c, "livenessProbe", "/actuator/health/liveness");
                  expectPath(broken, where, c, "readinessProbe", "/actuator/health/readiness");
                }
                for (String amount : List.of("requests", "limits")) {
                  for (String resource : List.of("cpu", "memory")) {
                    if (c.at("/resources/" + amount + "/" + resource).asText().isBlank()) {
                      broken.add(where + ": no resources." + amount + "." + resource);
                    }
                  }
                }
              }
            });
    return broken;
  }

  private static void expectPath(
      List<String> broken, String where, JsonNode container, String probe, String path) {
    if (container.has(probe)
        && !container.at("/" + probe + "/httpGet/path").asText().equals(path)) {
      broken.add(where + ": " + probe + " does not ask " + path);
    }
  }

  /**
   * Every Deployment and StatefulSet has an autoscaling/v2 HPA on CPU (and leaves the replica count
   * to it), or says why not; the gateway and ingest can grow.
   */
  static List<String> autoscaling(List<JsonNode> docs) {
    List<String> broken = new ArrayList<>();
    List<JsonNode> hpas = ofKind(docs, "HorizontalPodAutoscaler").toList();
    workloads(docs)
        .forEach(
            w -> {
              List<JsonNode> mine =
                  hpas.stream()
                      .filter(
                          h ->
                              h.at("/spec/scaleTargetRef/kind")
                                  .asText()
                                  .equals(w.path("kind").asText()))
                      .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals(name(w)))
                      .toList();
              if (mine.isEmpty()) {
                if (w.at("/metadata/annotations").path(NO_AUTOSCALING).asText().isBlank()) {
                  broken.add(
                      id(w) + ": no HorizontalPodAutoscaler and no " + NO_AUTOSCALING + " reason");
                }
                return;
              }
              JsonNode hpa = mine.get(0);
              if (!hpa.path("apiVersion").asText().equals("autoscaling/v2")) {
                broken.add(id(hpa) + ": not autoscaling/v2");
              }
              boolean cpu = false;
              for (JsonNode metric : hpa.at("/spec/metrics")) {
                cpu |= metric.at("/resource/name").asText().equals("cpu");
              }
              if (!cpu) {
                broken.add(id(hpa) + ": does not scale on CPU");
              }
              int min = hpa.at("/spec/minReplicas").asInt(1);
              int max = hpa.at("/spec/maxReplicas").asInt();
              if (min < 1 || max < min) {
                broken.add(id(hpa) + ": minReplicas " + min + ", maxReplicas " + max);
              }
              if (Set.of("gateway-service", "event-ingest-service").contains(name(w))
                  && max <= min) {
                broken.add(id(hpa) + ": " + name(w) + " must be able to scale out");
              }
              if (w.at("/spec").has("replicas")) {
                broken.add(id(w) + ": sets replicas although its HPA owns the count");
              }
            });
    return broken;
  }

  /**
   * Pods run as non-root, containers without privilege escalation, capabilities or writable root.
   */
  static List<String> podSecurity(List<JsonNode> docs) {
    List<String> broken = new ArrayList<>();
    workloads(docs)
        .forEach(
            w -> {
              if (!w.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()) {
                broken.add(id(w) + ": pod not runAsNonRoot");
              }
              for (JsonNode c : w.at("/spec/template/spec/containers")) {
                String where = id(w) + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                  broken.add(where + ": allows privilege escalation");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean()) {
                  broken.add(where + ": root filesystem is writable");
                }
                if (!sc.at("/capabilities/drop").toString().contains("\"ALL\"")) {
                  broken.add(where + ": does not drop ALL capabilities");
                }
              }
            });
    return broken;
  }

  /**
   * Ingress is denied by default; only the gateway has a way in from outside the cluster (an
   * Ingress, a rule open to the ingress controller or to everyone); every backend lets in only its
   * callers; no Service is exposed beyond the cluster.
   */
  static List<String> networkPolicies(List<JsonNode> docs) {
    List<String> broken = new ArrayList<>();
    List<JsonNode> policies = ofKind(docs, "NetworkPolicy").toList();
    boolean defaultDeny =
        policies.stream()
            .anyMatch(
                p ->
                    p.at("/spec/podSelector").isEmpty()
                        && p.at("/spec/policyTypes").toString().contains("\"Ingress\"")
                        && p.at("/spec/ingress").isEmpty());
    if (!defaultDeny) {
      broken.add("no default-deny NetworkPolicy (podSelector {}, Ingress, no rules)");
    }
    Set<String> guarded = new HashSet<>();
    boolean gatewayReachable = false;
    for (JsonNode p : policies) {
      if (p.at("/spec/podSelector").isEmpty()) {
        continue;
      }
      Set<String> selector = labels(p.at("/spec/podSelector/matchLabels"));
      if (selector.size() != 1 || !CALLERS.containsKey(selector.iterator().next())) {
        broken.add(id(p) + ": selects " + selector + ", which no rule here knows");
        continue;
      }
      String selects = selector.iterator().next();
      guarded.add(selects);
      boolean gateway = selects.equals("app.kubernetes.io/name=gateway-service");
      for (JsonNode rule : p.at("/spec/ingress")) {
        if (!rule.has("from") || rule.path("from").isEmpty()) {
          broken.add(id(p) + ": a rule open to every source");
          continue;
        }
        for (JsonNode peer : rule.path("from")) {
          if (peer.has("ipBlock")) {
            if (!gateway) {
              broken.add(id(p) + ": lets in an ipBlock from outside");
            }
            gatewayReachable |= gateway;
          } else if (peer.has("namespaceSelector") && !peer.has("podSelector")) {
            String ns =
                peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
            if (!CLUSTER_NAMESPACES.contains(ns)) {
              if (!gateway) {
                broken.add(id(p) + ": lets in namespace '" + ns + "' from outside the platform");
              }
              gatewayReachable |= gateway;
            }
          } else if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
            for (String caller : labels(peer.at("/podSelector/matchLabels"))) {
              if (!CALLERS.get(selects).contains(caller)) {
                broken.add(id(p) + ": lets in " + caller + ", which does not call " + selects);
              }
            }
          } else {
            broken.add(id(p) + ": a peer this rule cannot judge: " + peer);
          }
        }
      }
    }
    if (!gatewayReachable) {
      broken.add("the gateway has no NetworkPolicy rule letting the ingress controller in");
    }
    for (String expected : CALLERS.keySet()) {
      if (!guarded.contains(expected)) {
        broken.add("no NetworkPolicy for the pods " + expected);
      }
    }
    ofKind(docs, "Service")
        .filter(s -> !s.at("/spec/type").asText("ClusterIP").equals("ClusterIP"))
        .forEach(
            s -> broken.add(id(s) + ": type " + s.at("/spec/type").asText() + " reaches outside"));
    ofKind(docs, "Ingress")
        .forEach(
            i -> {
              for (JsonNode rule : i.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                  String backend = path.at("/backend/service/name").asText();
                  if (!backend.equals("gateway-service")) {
                    broken.add(id(i) + ": exposes " + backend);
                  }
                }
              }
            });
    ofKind(docs, "Kafka")
        .forEach(
            k -> {
              for (JsonNode listener : k.at("/spec/kafka/listeners")) {
                String where = id(k) + " listener " + listener.path("name").asText();
                if (!listener.path("type").asText().equals("internal")) {
                  broken.add(
                      where + ": type " + listener.path("type").asText() + " reaches outside");
                }
                if (listener.path("networkPolicyPeers").isEmpty()) {
                  broken.add(where + ": no networkPolicyPeers, so every pod may connect");
                }
                for (JsonNode peer : listener.path("networkPolicyPeers")) {
                  for (String caller : labels(peer.at("/podSelector/matchLabels"))) {
                    if (!KAFKA_CLIENTS.contains(caller)) {
                      broken.add(where + ": lets in " + caller + ", which does not use Kafka");
                    }
                  }
                }
              }
            });
    return broken;
  }

  static Stream<JsonNode> workloads(List<JsonNode> docs) {
    return docs.stream()
        .filter(d -> Set.of("Deployment", "StatefulSet").contains(d.path("kind").asText()));
  }

  static Set<String> labels(JsonNode matchLabels) {
    Set<String> labels = new TreeSet<>();
    matchLabels
        .fields()
        .forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
    return labels;
  }

  private static Set<String> app(String... names) {
    Set<String> labels = new HashSet<>();
    for (String name : names) {
      labels.add("app.kubernetes.io/name=" + name);
    }
    return labels;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return all;
  }
}
