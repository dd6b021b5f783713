-- Matching: who offers a kind in a region, without scanning every listing of the kind.
-- offer keys of a listing: '<kind>:<served region code>' for each region it serves (immutable, so indexable).
CREATE OR REPLACE FUNCTION listing_offer_keys(kind text, codes text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(kind || ':' || c), '{}') FROM unnest(codes) AS c $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS resource_listings_offer_keys_idx ON resource_listings
  USING gin (listing_offer_keys(kind, service_region_codes)) WHERE status = 'active';
