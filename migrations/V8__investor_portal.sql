-- What the registry publishes for investors, and the enquiries they send.

-- A zone's offer to investors. Industries are codes (see the portal's message bundles for names):
-- MECHANICAL, ELECTRONICS, AGRO_FOOD, TEXTILE_FOOTWEAR, ENERGY, LOGISTICS, OTHER. The lease price
-- is shown only where the developer publishes one (USD per m² for the whole lease term).
ALTER TABLE zone
  ADD COLUMN industries          text[] NOT NULL DEFAULT '{}',
  ADD COLUMN lease_price_min_usd numeric(10, 2) CHECK (lease_price_min_usd > 0),
  ADD COLUMN lease_price_max_usd numeric(10, 2),
  ADD COLUMN infrastructure_note text,
  ADD COLUMN contact_name        text,
  ADD COLUMN contact_phone       text,
  ADD COLUMN contact_email       text,
  ADD COLUMN internal_note       text,   -- for the authority only: never on a public endpoint
  ADD CONSTRAINT zone_lease_price_range CHECK (lease_price_max_usd IS NULL
    OR (lease_price_min_usd IS NOT NULL AND lease_price_max_usd >= lease_price_min_usd)),
  ADD CONSTRAINT zone_industries_known CHECK (industries <@ ARRAY['MECHANICAL', 'ELECTRONICS', 'AGRO_FOOD',
    'TEXTILE_FOOTWEAR', 'ENERGY', 'LOGISTICS', 'OTHER']);
CREATE INDEX zone_industries_idx ON zone USING gin (industries);

-- A tenant is named publicly only when it agreed (published); its capital never is.
ALTER TABLE lease ADD COLUMN published boolean NOT NULL DEFAULT false;

-- Decisions and plans about a zone, listed on its profile.
CREATE TABLE zone_document (
  id          bigserial PRIMARY KEY,
  zone_id     bigint NOT NULL REFERENCES zone (id),
  title       text NOT NULL,
  number      text,
  issued_on   date,
  issuer      text,
  source      text,         -- where the registry knows it from (seed file:line)
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zone_document_zone_idx ON zone_document (zone_id);

-- An investor's request for information about a plot or a zone. Personal data stays here: only
-- the authority's inbox reads it. The sender's IP is kept only as a salted hash (rate limiting,
-- abuse), never in clear.
CREATE TABLE enquiry (
  id            bigserial PRIMARY KEY,
  zone_id       bigint NOT NULL REFERENCES zone (id),
  plot_id       bigint REFERENCES plot (id),
  name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  organisation  text CHECK (length(organisation) <= 200),
  email         text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(email) <= 254),
  phone         text CHECK (length(phone) <= 40),
  country       text CHECK (country ~ '^[A-Z]{2}$'),
  area_needed_ha numeric(10, 2) CHECK (area_needed_ha > 0),
  message       text NOT NULL CHECK (length(btrim(message)) BETWEEN 1 AND 4000),
  language      text NOT NULL DEFAULT 'vi',
  status        text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ANSWERED', 'CLOSED')),
  answer_note   text,
  sender_hash   text NOT NULL,
  version       bigint NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enquiry_status_idx ON enquiry (status, created_at DESC);
CREATE TRIGGER enquiry_touch BEFORE UPDATE ON enquiry FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Searching available land. A plot is free on a day when no lease or reservation binds it then or
-- later; committed_until (the last day any lease binds it, 'infinity' while open-ended; NULL when
-- never let) answers that without visiting the leases, and is kept by the lease triggers below.
ALTER TABLE plot ADD COLUMN committed_until date;

CREATE FUNCTION refresh_plot_commitment(p_plot_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE plot p SET committed_until = c.until
    FROM (SELECT q.id, (SELECT max(coalesce(l.ended_on, 'infinity'::date)) FROM lease l WHERE l.plot_id = q.id) AS until
            FROM plot q WHERE q.id = ANY (p_plot_ids)) c
   WHERE p.id = c.id AND p.committed_until IS DISTINCT FROM c.until;
$$;

CREATE FUNCTION lease_commitment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM refresh_plot_commitment(ARRAY(SELECT DISTINCT plot_id FROM old_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM refresh_plot_commitment(ARRAY(SELECT DISTINCT plot_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER lease_commitment_inserted AFTER INSERT ON lease REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lease_commitment_changed();
CREATE TRIGGER lease_commitment_updated AFTER UPDATE ON lease REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lease_commitment_changed();
CREATE TRIGGER lease_commitment_deleted AFTER DELETE ON lease REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lease_commitment_changed();

UPDATE plot p SET committed_until = m.until
  FROM (SELECT plot_id, max(coalesce(ended_on, 'infinity'::date)) AS until FROM lease GROUP BY plot_id) m
 WHERE m.plot_id = p.id;

CREATE INDEX plot_offer_idx ON plot (area_ha DESC, id) WHERE deleted_at IS NULL AND published;
