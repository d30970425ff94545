-- One role per service, each owning only its own schema. CloudNativePG runs this once, as the superuser, in the
-- database notes when it creates the cluster (postgres.yaml); spec.managed.roles sets the passwords. The end-to-end
-- test runs this same file against its PostgreSQL server and the services log in with these roles.
CREATE ROLE ingest LOGIN;
CREATE ROLE query LOGIN;
REVOKE ALL ON DATABASE notes FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE notes TO ingest, query;

-- ingest-service: its ledger, nothing else.
CREATE SCHEMA ingest AUTHORIZATION ingest;

-- query-service: the talks, in schema public, which nobody else may create objects in.
ALTER SCHEMA public OWNER TO query;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- query-service's migrations create pg_trgm "if not exists"; creating an extension needs more than the role has.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
