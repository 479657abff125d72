-- One waiting export per person and requester: asking twice at once (two clicks, two servers) makes one.
ALTER TABLE personal_data_export ADD COLUMN waiting_key VARCHAR(50)
  AS (CASE WHEN status IN ('PENDING', 'RUNNING') THEN CONCAT(person_id, ':', requested_by) END) PERSISTENT;
CREATE UNIQUE INDEX uk_export_waiting ON personal_data_export (waiting_key);
