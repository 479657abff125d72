-- Pages kept while unchanged (platform.web.KeptPagesFilter) list the departments and job roles in their filters: a
-- department or job role added or removed counts as everyone's change, as a renamed one already does (V22), so a
-- kept page's key moves with it.
CREATE TRIGGER stamp_department_insert AFTER INSERT ON department FOR EACH ROW
  UPDATE change_stamp SET me = me + 1 WHERE person_id = 0;
CREATE TRIGGER stamp_department_delete AFTER DELETE ON department FOR EACH ROW
  UPDATE change_stamp SET me = me + 1 WHERE person_id = 0;
CREATE TRIGGER stamp_job_role_insert AFTER INSERT ON job_role FOR EACH ROW
  UPDATE change_stamp SET me = me + 1 WHERE person_id = 0;
CREATE TRIGGER stamp_job_role_delete AFTER DELETE ON job_role FOR EACH ROW
  UPDATE change_stamp SET me = me + 1 WHERE person_id = 0;
