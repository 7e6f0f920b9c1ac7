#!/usr/bin/env python3
"""Trims an operator's CustomResourceDefinition to the fields ShopVerse's manifests use.

    python3 trim_crd.py CRD.yaml RENDERED.yaml OUT.json [SOURCE]

RENDERED is `kubectl kustomize deploy/k8s/overlays/local` (plus the base, if it uses more). Every
field the manifests set must exist in the CRD's openAPIV3Schema (else this script fails: a typo
or a field of another operator version); the schema written keeps exactly those fields with their
CRD types, enums and required lists, and forbids every other one (additionalProperties: false).
So KubernetesManifestsTest fails on a field nobody checked against the CRD; to use a new field,
regenerate from the same CRD version. Needs PyYAML (Debian: python3-yaml).
"""
import json
import sys

import yaml

KEEP = ("type", "enum", "required", "minimum", "maximum", "minItems", "maxItems")


def trim(schema, value, path):
    out = {k: schema[k] for k in KEEP if k in schema}
    if schema.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    if "anyOf" in schema and "x-kubernetes-int-or-string" not in schema:
        out["anyOf"] = [{k: s[k] for k in KEEP if k in s} for s in schema["anyOf"]]
    if isinstance(value, dict) and "properties" in schema:
        props = {}
        for key, child in value.items():
            if key not in schema["properties"]:
                if schema.get("x-kubernetes-preserve-unknown-fields"):
                    continue
                sys.exit(f"{path}.{key}: not in the CRD")
            props[key] = trim(schema["properties"][key], child, f"{path}.{key}")
        out["properties"] = props
        if not schema.get("x-kubernetes-preserve-unknown-fields"):
            out["additionalProperties"] = False
    elif isinstance(value, dict) and isinstance(schema.get("additionalProperties"), dict):
        out["additionalProperties"] = trim(schema["additionalProperties"], None, path + ".*")
    elif isinstance(value, list) and "items" in schema:
        items = [trim(schema["items"], v, f"{path}[{i}]") for i, v in enumerate(value)]
        out["items"] = merge(items)
    elif value is None and "properties" in schema:
        out["properties"] = {}
    return out


def merge(schemas):
    """One schema for the list items of all documents: the union of their used fields."""
    merged = {}
    for s in schemas:
        for key, val in s.items():
            if key == "properties":
                props = merged.setdefault("properties", {})
                for name, sub in val.items():
                    props[name] = merge([props[name], sub]) if name in props else sub
            elif key == "items":
                merged["items"] = merge([merged["items"], val]) if "items" in merged else val
            else:
                merged[key] = val
    return merged


def main(crd_file, rendered_file, out_file, source=""):
    crd = yaml.safe_load(open(crd_file))
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    docs = [d for d in yaml.safe_load_all(open(rendered_file)) if d]
    used = [d for d in docs if d["kind"] == kind and d["apiVersion"].startswith(group + "/")]
    if not used:
        sys.exit(f"no {kind} in {rendered_file}")
    versions = {d["apiVersion"].split("/")[1] for d in used}
    (version,) = versions
    spec_schema = next(v for v in crd["spec"]["versions"] if v["name"] == version)
    root = spec_schema["schema"]["openAPIV3Schema"]["properties"]["spec"]
    trimmed = merge([trim(root, d["spec"], kind + ".spec") for d in used])
    out = {
        "$comment": f"{group}/{version} {kind} spec, trimmed by trim_crd.py from {source}",
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "properties": {
            "apiVersion": {"const": f"{group}/{version}"},
            "kind": {"const": kind},
            "metadata": {"type": "object"},
            "spec": trimmed,
        },
        "additionalProperties": False,
    }
    with open(out_file, "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
