# Shared by backup.sh and restore.sh (sourced, not run).

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Where the api image keeps documents (the mvp_documents volume).
compose_documents_dir=/app/data/documents

say() { echo "$*" >&2; }
fail() {
  echo "Error: $*" >&2
  exit 1
}
fail_usage() {
  echo "Error: $*" >&2
  usage
}

say_s3() {
  say 'Documents are kept in S3 (DOCUMENTS_S3_BUCKET): back the bucket up with the storage'"'"'s own tools'
}

compose_exec() {
  docker compose --project-directory "$repo_root" exec -T "$@"
}

require_database_url() {
  [[ -n "${DATABASE_URL:-}" ]] || fail 'DATABASE_URL is not set (or use --compose to work inside the compose services)'
}

# The documents folder the API uses without --compose: DOCUMENTS_DIR, else DATA_DIR/documents.
local_documents_dir() {
  echo "${DOCUMENTS_DIR:-${DATA_DIR:-./data}/documents}"
}

# With DATABASE_SSL on, pg_dump and pg_restore verify the server as the app does: the CA in
# SECRETS_DIR/postgres-ca.crt when it exists. PGSSLMODE / PGSSLROOTCERT already set win.
use_database_tls() {
  case "${DATABASE_SSL:-false}" in
    true | yes | on | 1)
      export PGSSLMODE="${PGSSLMODE:-verify-full}"
      local ca="${SECRETS_DIR:-/run/secrets}/postgres-ca.crt"
      if [[ -z "${PGSSLROOTCERT:-}" && -f "$ca" ]]; then export PGSSLROOTCERT="$ca"; fi
      ;;
  esac
}

# The URL without its password, for messages.
redacted() {
  sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#' <<<"$1"
}
