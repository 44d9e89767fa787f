// Job locks are unique by name, so two schedulers' MERGE cannot create two locks for one job.
CREATE CONSTRAINT job_lock_name IF NOT EXISTS FOR (l:JobLock) REQUIRE l.name IS UNIQUE
