-- The per-person summary also keeps when the next yearly refresh (recertification) falls due, so "certification
-- expiring" is a range condition on the summary instead of a search through assignments.
ALTER TABLE progress_summary ADD COLUMN next_refresh_on DATE NULL;
UPDATE progress_summary s SET next_refresh_on = (SELECT MIN(a.due_on) FROM assignment a WHERE a.person_id = s.person_id
  AND a.status = 'OPEN' AND a.reason = 'RECERTIFICATION');
CREATE INDEX ix_progress_next_due ON progress_summary (next_due_on);
