# Sourced by bin/backup and bin/restore: MODERATO_DB_URL (jdbc:postgresql://host[:port]/database[?...]) as
# libpq's settings, so pg_dump, pg_restore and psql reach the database the site uses.
postgres_from_jdbc_url() {
  local url=$1 rest hostport
  rest=${url#jdbc:postgresql://}
  [ "$rest" != "$url" ] || { echo "MODERATO_DB_URL is no jdbc:postgresql://host[:port]/database URL: $url" >&2; return 2; }
  rest=${rest%%\?*}
  hostport=${rest%%/*}
  export PGDATABASE=${rest#*/}
  export PGHOST=${hostport%:*}
  if [ "$hostport" != "${hostport%:*}" ]; then export PGPORT=${hostport##*:}; else export PGPORT=5432; fi
  export PGUSER=${MODERATO_DB_USER:-moderato}
  if [ -n "${MODERATO_DB_PASSWORD:-}" ]; then export PGPASSWORD=$MODERATO_DB_PASSWORD; fi
}

# Debian's client of PostgreSQL 15 when it is not on PATH
postgres_tool() {
  if command -v "$1" >/dev/null; then command -v "$1"; elif [ -x "/usr/lib/postgresql/15/bin/$1" ]; then echo "/usr/lib/postgresql/15/bin/$1"
  else echo "$1 is missing: apt-get install postgresql-client" >&2; return 1; fi
}
