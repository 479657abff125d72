-- The change stamps as a feed, so that each server can keep its API callers (token, person, roles, stamps) in memory
-- and still answer as the database says (security.AccessCache): every change_stamp row gets the time it last
-- changed, which each server reads a few times a second to forget what it keeps of the people whose rows changed.
-- SYSDATE(6) is the moment the row is written, after its transaction began, so a server that knows when the oldest
-- running transaction began knows that no row older than that can still appear.
-- A new counter, bookings, counts the changes of a person's shadowing bookings as the API shows them (their bookings,
-- the bookings' slots, whose seats others take, the reflections on them, the hosts' names and job roles), so that sync
-- can tag that part without computing it too.
-- Another, access, counts what changes who may use the API as whom, beyond the person's own row (which already
-- bumps me and plan): a device signed out, revoked or expired early, an access token withdrawn, and whether someone
-- manages anyone (their manager role) when a report comes, goes or is (de)activated.
ALTER TABLE change_stamp
  ADD COLUMN bookings   BIGINT      NOT NULL DEFAULT 0,
  ADD COLUMN access     BIGINT      NOT NULL DEFAULT 0,
  ADD COLUMN changed_at DATETIME(6) NOT NULL DEFAULT '2000-01-01 00:00:00';
CREATE INDEX ix_change_stamp_changed ON change_stamp (changed_at);

CREATE TRIGGER change_stamp_inserted BEFORE INSERT ON change_stamp FOR EACH ROW
  SET NEW.changed_at = SYSDATE(6);
CREATE TRIGGER change_stamp_changed BEFORE UPDATE ON change_stamp FOR EACH ROW
  SET NEW.changed_at = SYSDATE(6);

CREATE TRIGGER stamp_session_update AFTER UPDATE ON api_session FOR EACH ROW
  UPDATE change_stamp SET access = access + 1
  WHERE person_id = NEW.person_id AND (NOT (NEW.revoked_at <=> OLD.revoked_at) OR NEW.expires_at <> OLD.expires_at);
CREATE TRIGGER stamp_session_delete AFTER DELETE ON api_session FOR EACH ROW
  UPDATE change_stamp SET access = access + 1 WHERE person_id = OLD.person_id;
CREATE TRIGGER stamp_token_delete AFTER DELETE ON api_token FOR EACH ROW
  UPDATE change_stamp SET access = access + 1
  WHERE OLD.kind = 'ACCESS' AND OLD.expires_at > NOW(3)
    AND person_id = (SELECT s.person_id FROM api_session s WHERE s.id = OLD.session_id);

CREATE TRIGGER stamp_person_inserted_report AFTER INSERT ON person FOR EACH ROW FOLLOWS stamp_person_insert
  UPDATE change_stamp SET access = access + 1 WHERE person_id = NEW.manager_id;
CREATE TRIGGER stamp_person_report_moved AFTER UPDATE ON person FOR EACH ROW FOLLOWS stamp_person_renamed
  UPDATE change_stamp SET access = access + 1
  WHERE (NOT (NEW.manager_id <=> OLD.manager_id) OR NEW.active <> OLD.active)
    AND person_id IN (OLD.manager_id, NEW.manager_id);
CREATE TRIGGER stamp_person_deleted_report AFTER DELETE ON person FOR EACH ROW FOLLOWS stamp_person_delete
  UPDATE change_stamp SET access = access + 1 WHERE person_id = OLD.manager_id;

-- bookings
CREATE TRIGGER stamp_booking_insert AFTER INSERT ON shadowing_booking FOR EACH ROW
  UPDATE change_stamp SET bookings = bookings + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_booking_update AFTER UPDATE ON shadowing_booking FOR EACH ROW
  UPDATE change_stamp SET bookings = bookings + 1 WHERE person_id IN (OLD.person_id, NEW.person_id);
CREATE TRIGGER stamp_booking_delete AFTER DELETE ON shadowing_booking FOR EACH ROW
  UPDATE change_stamp SET bookings = bookings + 1 WHERE person_id = OLD.person_id;
CREATE TRIGGER stamp_slot_update AFTER UPDATE ON shadowing_slot FOR EACH ROW
  UPDATE change_stamp SET bookings = bookings + 1
  WHERE person_id IN (SELECT b.person_id FROM shadowing_booking b WHERE b.slot_id IN (OLD.id, NEW.id));
CREATE TRIGGER stamp_reflection_insert AFTER INSERT ON shadowing_reflection FOR EACH ROW
  UPDATE change_stamp SET bookings = bookings + 1
  WHERE person_id IN (NEW.person_id, (SELECT b.person_id FROM shadowing_booking b WHERE b.id = NEW.booking_id));
CREATE TRIGGER stamp_reflection_update AFTER UPDATE ON shadowing_reflection FOR EACH ROW
  UPDATE change_stamp SET bookings = bookings + 1
  WHERE person_id IN (NEW.person_id, (SELECT b.person_id FROM shadowing_booking b WHERE b.id = NEW.booking_id));
CREATE TRIGGER stamp_reflection_delete AFTER DELETE ON shadowing_reflection FOR EACH ROW
  UPDATE change_stamp SET bookings = bookings + 1
  WHERE person_id IN (OLD.person_id, (SELECT b.person_id FROM shadowing_booking b WHERE b.id = OLD.booking_id));
CREATE TRIGGER stamp_person_host_renamed AFTER UPDATE ON person FOR EACH ROW FOLLOWS stamp_person_report_moved
  UPDATE change_stamp SET bookings = bookings + 1
  WHERE (NEW.first_name <> OLD.first_name OR NEW.last_name <> OLD.last_name OR NOT (NEW.job_role_id <=> OLD.job_role_id))
    AND person_id IN (SELECT b.person_id FROM shadowing_booking b JOIN shadowing_slot s ON s.id = b.slot_id WHERE s.host_id = NEW.id);
