#!/usr/bin/env bash
# Restores a backup that backup.sh wrote: the database from database.dump, the documents folder
# from documents.tar.gz. Asks nothing; refuses to run over a database that has tables, or a
# documents folder that has files, unless --force (then both are replaced by the backup's).
#
#   deploy/scripts/restore.sh [--compose] [--force] <backup folder>
#
# Without --compose: the local pg_restore against DATABASE_URL and the local DOCUMENTS_DIR (default
# DATA_DIR/documents). With --compose: inside the `postgres` and `api` services of this checkout's
# docker-compose.yml. Stop using the app while it runs; restart the api and platform afterwards.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/scripts/common.sh
source "$script_dir/common.sh"

usage() {
  echo "Usage: $0 [--compose] [--force] <backup folder>" >&2
  echo "The backup folder is one backup.sh wrote (motovaultpro-<UTC time>/)." >&2
  exit 2
}

compose=false
force=false
backup=''
for argument in "$@"; do
  case "$argument" in
    --compose) compose=true ;;
    --force) force=true ;;
    -h | --help) usage ;;
    -*) fail_usage "unknown option $argument" ;;
    *) [[ -z "$backup" ]] || fail_usage "one backup folder only (got \"$backup\" and \"$argument\")"; backup="$argument" ;;
  esac
done
[[ -n "$backup" ]] || fail_usage 'the backup folder is missing'
[[ -d "$backup" ]] || fail "$backup is not a folder"
dump="$backup/database.dump"
documents="$backup/documents.tar.gz"
[[ -f "$dump" ]] || fail "$backup has no database.dump: is it a folder backup.sh wrote?"

# The database's schemas are emptied first, in the transaction that restores the dump (pg_restore
# --clean cannot drop pg-boss's partitioned tables). The transaction commits only once pg_restore
# has written the whole dump: a failed or partial restore leaves the database as it was.
empty_schemas_sql="begin;
do \$\$
declare found record;
begin
  for found in select nspname from pg_namespace
    where nspname not in ('pg_catalog', 'information_schema') and nspname !~ '^pg_(toast|temp_|toast_temp_)'
  loop
    execute format('drop schema %I cascade', found.nspname);
  end loop;
end \$\$;
create schema public;
alter schema public owner to pg_database_owner;
grant usage on schema public to public;"
user_tables_sql="select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')"

if $compose; then
  database_args='-U "$POSTGRES_USER" -d "${POSTGRES_DB:-$POSTGRES_USER}"'
  pg_restore_in() { compose_exec postgres pg_restore "$@" <"$dump"; }
  psql_query() { compose_exec postgres sh -c "exec psql -X -tA $database_args -c \"$1\""; }
  psql_script() { compose_exec postgres sh -c "exec psql -X -q -v ON_ERROR_STOP=1 $database_args"; }
  documents_dir="$compose_documents_dir"
  documents_sh() { compose_exec api sh -c "$1"; }
  documents_extract() { compose_exec api tar -C "$documents_dir" -xzf - <"$documents"; }
else
  require_database_url
  use_database_tls
  pg_restore_in() { pg_restore "$@" "$dump"; }
  psql_query() { psql -X -tA --dbname="$DATABASE_URL" -c "$1"; }
  psql_script() { psql -X -q -v ON_ERROR_STOP=1 --dbname="$DATABASE_URL"; }
  documents_dir="$(local_documents_dir)"
  documents_sh() { sh -c "$1"; }
  documents_extract() { tar -C "$documents_dir" -xzf "$documents"; }
fi

# Both archives read before anything is touched: a damaged backup stops here.
pg_restore_in --list >/dev/null 2>&1 || fail "$dump is not a pg_dump archive in custom format"
if [[ -f "$documents" ]]; then
  tar -tzf "$documents" >/dev/null 2>&1 || fail "$documents is not a readable tar.gz archive"
fi

tables="$(psql_query "$user_tables_sql")"
documents_files="$(documents_sh "if [ -d '$documents_dir' ]; then find '$documents_dir' -mindepth 1 -not -path '$documents_dir/.tmp*' | head -n 1; fi")"
if ! $force; then
  [[ "$tables" == 0 ]] ||
    fail "the database already has $tables table(s): restore into an empty database, or pass --force to replace its contents"
  [[ -z "$documents_files" || ! -f "$documents" ]] ||
    fail "the documents folder $documents_dir is not empty: pass --force to replace its contents"
fi

say "Restoring the database"
{
  echo "$empty_schemas_sql"
  pg_restore_in --no-owner --file=- && echo 'commit;'
} | psql_script

if [[ -f "$documents" ]]; then
  say "Restoring the documents ($documents_dir)"
  documents_sh "mkdir -p '$documents_dir' && find '$documents_dir' -mindepth 1 -maxdepth 1 -exec rm -rf {} +"
  documents_extract
else
  say_s3
fi

say "Restore complete: restart the api and platform so they start on the restored data"
