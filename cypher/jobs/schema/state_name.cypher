// One fetch-state node (HTTP validators, last hash) per job.
CREATE CONSTRAINT job_state_name IF NOT EXISTS FOR (s:JobState) REQUIRE s.name IS UNIQUE
