-- The client's id of the sign-in request: the same sign-in sent again (its answer lost) replaces the first session
-- instead of leaving an orphan device behind.
ALTER TABLE api_session ADD COLUMN client_key VARCHAR(100) NULL;
CREATE INDEX ix_api_session_client_key ON api_session (person_id, client_key);
