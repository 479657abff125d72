-- The team overviews and exports counted each person's overdue, due-soon and expiring items and shadowing sessions by
-- grouping their assignments and completions (at 100,000 people: 4 million assignments, 5-9 s for the organisation's
-- export). The progress summary, which every assignment change already recounts in its transaction
-- (assignments.AssignmentService#refresh), now also keeps the open assignments' due dates (assignments.OpenDueDates:
-- "yyyy-mm-dd", then r for a recertification and g for a shadowing guide, space-separated in due-date order) and the
-- shadowing sessions completed, so an overview or export reads one row per person. Dates rather than counts: overdue
-- and due soon change with the day, and a day passing writes nothing.
ALTER TABLE progress_summary ADD COLUMN open_due TEXT NULL, ADD COLUMN shadowed INT NOT NULL DEFAULT 0;

UPDATE progress_summary s
  JOIN (SELECT a.person_id,
               GROUP_CONCAT(CONCAT(a.due_on, IF(a.reason = 'RECERTIFICATION', 'r', ''), IF(a.kind = 'GUIDE', 'g', ''))
                            ORDER BY a.due_on, a.id SEPARATOR ' ') AS open_due
          FROM assignment a WHERE a.status = 'OPEN' GROUP BY a.person_id) o ON o.person_id = s.person_id
   SET s.open_due = o.open_due;

UPDATE progress_summary s
  JOIN (SELECT c.person_id, COUNT(*) AS shadowed FROM completion c WHERE c.kind = 'GUIDE' GROUP BY c.person_id) g
    ON g.person_id = s.person_id
   SET s.shadowed = g.shadowed;
