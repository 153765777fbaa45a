#!/bin/bash
# Runs once, when the postgres container initialises an empty data directory:
# one database per service (patient, plan, outcome), owned by the compose user.
set -euo pipefail

for database in patient plan outcome; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE \"$database\" OWNER \"$POSTGRES_USER\""
done
