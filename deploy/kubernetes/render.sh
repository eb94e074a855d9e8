#!/usr/bin/env bash
# Renders each Kustomize overlay to target/kubernetes/<overlay>.yaml (the repository's root target/), for review and
# for e2e-tests' TheKubernetesOverlaysMatchTheServicesTest. Stops with a non-zero exit on the first overlay that does
# not render. Needs kubectl (its built-in kustomize, v5 or later).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/target/kubernetes"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "render.sh: kubectl is not installed: cannot render the Kubernetes overlays" >&2
  exit 1
fi

# nothing stale is left for the test to read if an overlay fails or was removed
rm -rf "$out"
mkdir -p "$out"

rendered=0
for overlay in "$root"/deploy/kubernetes/overlays/*/; do
  name="$(basename "$overlay")"
  if ! kubectl kustomize "$overlay" > "$out/$name.yaml.partial"; then
    rm -f "$out/$name.yaml.partial"
    echo "render.sh: FAILED to render overlay '$name' (deploy/kubernetes/overlays/$name)" >&2
    exit 1
  fi
  mv "$out/$name.yaml.partial" "$out/$name.yaml"
  echo "render.sh: $name: $(grep -c '^kind:' "$out/$name.yaml") objects -> target/kubernetes/$name.yaml"
  rendered=$((rendered + 1))
done

if [ "$rendered" -eq 0 ]; then
  echo "render.sh: no overlays under deploy/kubernetes/overlays" >&2
  exit 1
fi
