-- The client's id of the sign-in request: the same sign-in sent again (its answer lost) replaces the first session
-- instead of leaving an orphan device behind.
ALTER TABLE api_session ADD COLUMN client_key VARCHAR(100) NULL;
CREATE INDEX ix_api_session_client_key ON api_session (person_id, client_key);

-- The daily purge forgets expired tokens and refresh tokens spent long ago by ranges of these.
CREATE INDEX ix_api_token_expires ON api_token (expires_at);
CREATE INDEX ix_api_token_spent ON api_token (spent_at);
