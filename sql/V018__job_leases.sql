-- Scheduled jobs that run once per cluster, not once per node: before a run a node takes the job's lease
-- with one conditional UPDATE (platform.JobLease); the node whose UPDATE changes the row runs the job, the
-- others find the lease taken until it expires. The rows exist from the start, so taking a lease never
-- races on an INSERT. H2 2.x and PostgreSQL 15.
CREATE TABLE job_leases (
    name VARCHAR(100) PRIMARY KEY,
    holder VARCHAR(100) NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
INSERT INTO job_leases (name, holder, expires_at) VALUES ('privacy-hourly', 'nobody', TIMESTAMP '2000-01-01 00:00:00');
INSERT INTO job_leases (name, holder, expires_at) VALUES ('totals-recount', 'nobody', TIMESTAMP '2000-01-01 00:00:00');
