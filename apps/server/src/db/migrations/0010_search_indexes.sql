-- Search (INFO-1..3): trigram, cube and earthdistance are available on PGlite and PostgreSQL alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS cube;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_documents_tokens_idx ON search_documents USING gin (tokens);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_documents_trgm_idx ON search_documents USING gin (trgm_text gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_documents_earth_idx ON search_documents USING gist (ll_to_earth(lat, lng));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_documents_region_idx ON search_documents (region_code text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_documents_amount_idx ON search_documents (amount_fen, id);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_documents_tags_idx ON search_documents USING gin (tags);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_keywords_keyword_idx ON search_keywords (keyword, created_at);
