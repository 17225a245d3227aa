-- Sign-in throttling (issue 14): every time too many failed sign-ins lock an account or a client
-- address for a while, and every sign-in refused while locked, leave a row here for the
-- administrator. Accounts are named as typed (they may not exist); addresses as the server saw
-- them (X-Forwarded-For only from a trusted proxy).
CREATE TABLE sign_in_audit (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  event       text NOT NULL CHECK (event IN ('LOCKED', 'REFUSED')),
  -- what was locked: the account, or the client address
  scope       text NOT NULL CHECK (scope IN ('ACCOUNT', 'ADDRESS')),
  username    text,
  address     text,
  -- form (the /login page) or basic (HTTP Basic of an API client)
  channel     text NOT NULL CHECK (channel IN ('FORM', 'BASIC')),
  failures    integer,
  retry_after_seconds integer
);
CREATE INDEX sign_in_audit_at_idx ON sign_in_audit (at);

-- Accounts are disabled or deleted by the administrator. A deleted account keeps its row (history
-- names its user, and the name is not given to anyone else) but can never sign in again.
ALTER TABLE app_user ADD COLUMN deleted_at timestamptz;
ALTER TABLE app_user ADD CONSTRAINT app_user_deleted_is_disabled CHECK (deleted_at IS NULL OR NOT enabled);
