-- Sessions follow the account (issue 12): every change that must end or re-check a person's sign-ins (admin rights
-- granted or taken, deactivation, reactivation, a new password) raises this number. A web session remembers the
-- number it was signed in with and ends when it differs: one primary-key read per request, on whichever server answers.
ALTER TABLE person ADD COLUMN access_version INT NOT NULL DEFAULT 0;
