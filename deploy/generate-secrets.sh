#!/usr/bin/env bash
# Creates the secret files docker-compose.yml mounts, in deploy/secrets/ (or the folder given as the
# first argument): random values for the ones the stack makes itself, empty files for the optional
# ones (an empty secret counts as unset; put a value in to use it). Never overwrites a file that
# exists. Needs bash and openssl only.
#
# Compose bind-mounts file secrets with the host file's owner and mode, and the containers read them
# as other users (node, postgres), so the files are world-readable (0444) and the folder, mode 0700,
# is what keeps other users of the host out.
set -euo pipefail

secrets_dir="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets}"
mkdir -p "$secrets_dir"
chmod 700 "$secrets_dir"
umask 077

random_token() {
  openssl rand -base64 48 | tr '+/' '-_' | tr -d '=\n'
}

# Writes the output of the command that follows the name into the file, unless the file exists.
create() {
  local name="$1"
  shift
  local path="$secrets_dir/$name"
  if [[ -e "$path" ]]; then
    echo "kept     $name"
    return
  fi
  "$@" > "$path.partial"
  mv "$path.partial" "$path"
  chmod 444 "$path"
  echo "created  $name"
}

signing_key() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null
}

dashboard_users() {
  local password
  password="$(random_token | cut -c1-24)"
  printf '%s\n' "$password" > "$secrets_dir/traefik-dashboard-password"
  chmod 400 "$secrets_dir/traefik-dashboard-password"
  printf 'admin:%s\n' "$(openssl passwd -apr1 "$password")"
}

create postgres-password random_token
create platform-vehicles-api-key random_token
create auth-signing-key signing_key
create auth-cookie-key random_token
create traefik-dashboard-users dashboard_users
for optional in google-maps-api-key documents-s3-access-key-id documents-s3-secret-access-key smtp-url metrics-token; do
  create "$optional" true
done

if [[ -e "$secrets_dir/traefik-dashboard-password" ]]; then
  echo "The Traefik dashboard (port 8080) signs in as admin with the password in $secrets_dir/traefik-dashboard-password."
fi
