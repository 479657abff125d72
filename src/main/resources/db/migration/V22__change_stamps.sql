-- Change stamps: per person, a counter for each API read whose answer is made of that person's rows (me, plan,
-- refreshers, notifications), bumped by the database itself in the transaction of every write to those rows, whichever
-- code path or server writes them. An ETag built from a stamp (with the day and the catalog generation it was computed
-- for) lets a read answer 304, and sync skip a part, without computing the answer: the stamp comes with the access
-- token's own read. Row 0 counts changes that concern everyone (a department or job role renamed).
-- Triggers rather than calls in each feature's services: a write path that forgot its call would serve a stale answer
-- as "unchanged" for good; the database sees every insert, update and delete, also bulk and native ones.
-- With binary logging on, creating triggers needs SUPER or log_bin_trust_function_creators=1 (see README).
CREATE TABLE change_stamp (
  person_id     BIGINT  NOT NULL PRIMARY KEY,
  me            BIGINT  NOT NULL DEFAULT 0,
  plan          BIGINT  NOT NULL DEFAULT 0,
  refreshers    BIGINT  NOT NULL DEFAULT 0,
  notifications BIGINT  NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO change_stamp (person_id) VALUES (0);
INSERT INTO change_stamp (person_id) SELECT id FROM person;

-- me: the person's own row (also the plan: its start date gives the onboarding), their manager's name, the names of
-- departments and job roles
CREATE TRIGGER stamp_person_insert AFTER INSERT ON person FOR EACH ROW
  INSERT IGNORE INTO change_stamp (person_id) VALUES (NEW.id);
CREATE TRIGGER stamp_person_update AFTER UPDATE ON person FOR EACH ROW
  UPDATE change_stamp SET me = me + 1, plan = plan + 1 WHERE person_id = NEW.id;
CREATE TRIGGER stamp_person_renamed AFTER UPDATE ON person FOR EACH ROW FOLLOWS stamp_person_update
  UPDATE change_stamp SET me = me + 1
  WHERE (NEW.first_name <> OLD.first_name OR NEW.last_name <> OLD.last_name)
    AND person_id IN (SELECT r.id FROM person r WHERE r.manager_id = NEW.id);
CREATE TRIGGER stamp_person_delete AFTER DELETE ON person FOR EACH ROW
  DELETE FROM change_stamp WHERE person_id = OLD.id;
CREATE TRIGGER stamp_department_update AFTER UPDATE ON department FOR EACH ROW
  UPDATE change_stamp SET me = me + 1 WHERE person_id = 0;
CREATE TRIGGER stamp_job_role_update AFTER UPDATE ON job_role FOR EACH ROW
  UPDATE change_stamp SET me = me + 1 WHERE person_id = 0;

-- plan: assignments and the progress summary
CREATE TRIGGER stamp_assignment_insert AFTER INSERT ON assignment FOR EACH ROW
  UPDATE change_stamp SET plan = plan + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_assignment_update AFTER UPDATE ON assignment FOR EACH ROW
  UPDATE change_stamp SET plan = plan + 1 WHERE person_id IN (NEW.person_id, OLD.person_id);
CREATE TRIGGER stamp_assignment_delete AFTER DELETE ON assignment FOR EACH ROW
  UPDATE change_stamp SET plan = plan + 1 WHERE person_id = OLD.person_id;
CREATE TRIGGER stamp_progress_insert AFTER INSERT ON progress_summary FOR EACH ROW
  UPDATE change_stamp SET plan = plan + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_progress_update AFTER UPDATE ON progress_summary FOR EACH ROW
  UPDATE change_stamp SET plan = plan + 1 WHERE person_id IN (NEW.person_id, OLD.person_id);
CREATE TRIGGER stamp_progress_delete AFTER DELETE ON progress_summary FOR EACH ROW
  UPDATE change_stamp SET plan = plan + 1 WHERE person_id = OLD.person_id;

-- notifications
CREATE TRIGGER stamp_notification_insert AFTER INSERT ON notification FOR EACH ROW
  UPDATE change_stamp SET notifications = notifications + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_notification_update AFTER UPDATE ON notification FOR EACH ROW
  UPDATE change_stamp SET notifications = notifications + 1 WHERE person_id IN (NEW.person_id, OLD.person_id);
CREATE TRIGGER stamp_notification_delete AFTER DELETE ON notification FOR EACH ROW
  UPDATE change_stamp SET notifications = notifications + 1 WHERE person_id = OLD.person_id;

-- refreshers: cards, the day's sets, answers, settings and pauses
CREATE TRIGGER stamp_review_card_insert AFTER INSERT ON review_card FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_review_card_update AFTER UPDATE ON review_card FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id IN (NEW.person_id, OLD.person_id);
CREATE TRIGGER stamp_review_card_delete AFTER DELETE ON review_card FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = OLD.person_id;
CREATE TRIGGER stamp_refresher_day_insert AFTER INSERT ON refresher_day FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_refresher_day_update AFTER UPDATE ON refresher_day FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id IN (NEW.person_id, OLD.person_id);
CREATE TRIGGER stamp_refresher_day_delete AFTER DELETE ON refresher_day FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = OLD.person_id;
CREATE TRIGGER stamp_refresher_answer_insert AFTER INSERT ON refresher_answer FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_refresher_answer_update AFTER UPDATE ON refresher_answer FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id IN (NEW.person_id, OLD.person_id);
CREATE TRIGGER stamp_refresher_answer_delete AFTER DELETE ON refresher_answer FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = OLD.person_id;
CREATE TRIGGER stamp_refresher_setting_insert AFTER INSERT ON refresher_setting FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_refresher_setting_update AFTER UPDATE ON refresher_setting FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id IN (NEW.person_id, OLD.person_id);
CREATE TRIGGER stamp_refresher_setting_delete AFTER DELETE ON refresher_setting FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = OLD.person_id;
CREATE TRIGGER stamp_refresher_pause_insert AFTER INSERT ON refresher_pause FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = NEW.person_id;
CREATE TRIGGER stamp_refresher_pause_update AFTER UPDATE ON refresher_pause FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id IN (NEW.person_id, OLD.person_id);
CREATE TRIGGER stamp_refresher_pause_delete AFTER DELETE ON refresher_pause FOR EACH ROW
  UPDATE change_stamp SET refreshers = refreshers + 1 WHERE person_id = OLD.person_id;
