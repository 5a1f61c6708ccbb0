#!/usr/bin/env bash
# Backs up MotoVaultPro: the database (pg_dump, custom format) and the documents folder (tar.gz),
# into <folder>/motovaultpro-<UTC yyyymmddThhmmssZ>/. Prints that folder's path last.
#
#   deploy/scripts/backup.sh [--compose] <folder>
#
# Without --compose: the local pg_dump against DATABASE_URL, and the local DOCUMENTS_DIR (default
# DATA_DIR/documents, DATA_DIR default ./data). With --compose: pg_dump inside the `postgres`
# service and tar inside the `api` service of this checkout's docker-compose.yml.
# Documents kept in S3 (DOCUMENTS_S3_BUCKET) are not copied: back the bucket up with the storage's own tools.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/scripts/common.sh
source "$script_dir/common.sh"

usage() {
  echo "Usage: $0 [--compose] <folder>" >&2
  echo "Writes <folder>/motovaultpro-<UTC time>/ with database.dump and documents.tar.gz." >&2
  exit 2
}

compose=false
folder=''
for argument in "$@"; do
  case "$argument" in
    --compose) compose=true ;;
    -h | --help) usage ;;
    -*) fail_usage "unknown option $argument" ;;
    *) [[ -z "$folder" ]] || fail_usage "one folder only (got \"$folder\" and \"$argument\")"; folder="$argument" ;;
  esac
done
[[ -n "$folder" ]] || fail_usage 'the folder to write the backup into is missing'

mkdir -p "$folder"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$(cd "$folder" && pwd)/motovaultpro-$stamp"
[[ ! -e "$target" ]] || fail "$target already exists"
# Written under a temporary name and renamed when complete: a backup that stopped half-way is never mistaken for one.
partial="$target.partial"
rm -rf "$partial"
mkdir -m 700 "$partial"
trap 'rm -rf "$partial"' EXIT

if $compose; then
  say 'Dumping the database (compose service postgres)'
  compose_exec postgres sh -c 'exec pg_dump --format=custom --no-owner -U "$POSTGRES_USER" -d "${POSTGRES_DB:-$POSTGRES_USER}"' \
    >"$partial/database.dump"
  if compose_exec api sh -c 'test -n "${DOCUMENTS_S3_BUCKET:-}"'; then
    say_s3
  else
    say "Archiving the documents (compose service api, $compose_documents_dir)"
    compose_exec api tar -C "$compose_documents_dir" --exclude=./.tmp -czf - . >"$partial/documents.tar.gz"
  fi
else
  require_database_url
  use_database_tls
  say "Dumping the database ($(redacted "$DATABASE_URL"))"
  pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$partial/database.dump"
  if [[ -n "${DOCUMENTS_S3_BUCKET:-}" ]]; then
    say_s3
  else
    documents_dir="$(local_documents_dir)"
    if [[ -d "$documents_dir" ]]; then
      say "Archiving the documents ($documents_dir)"
      tar -C "$documents_dir" --exclude=./.tmp -czf "$partial/documents.tar.gz" .
    else
      say "No documents folder at $documents_dir yet: the archive is empty"
      tar -C "$partial" -czf "$partial/documents.tar.gz" --files-from=/dev/null
    fi
  fi
fi

mv "$partial" "$target"
trap - EXIT
say "Backup complete"
echo "$target"
