-- The admin report groups everyone active by department and job role: an index in that order lets MariaDB read
-- the groups in order without a temporary table.
CREATE INDEX ix_person_active_department_role ON person (active, department_id, job_role_id);
