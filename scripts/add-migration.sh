#!/usr/bin/env bash
# Adds one EF Core migration with the same name to each provider's migrations project.
# Usage: scripts/add-migration.sh MigrationName
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
dotnet build src/Intranet.Core -nologo -v:q -clp:ErrorsOnly
for provider in Sqlite SqlServer PostgreSQL; do
  project="src/Intranet.Migrations.$provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
