-- 政策库 search (ADR 0103): the policy's own index, cut by the search module's segmenter like search_documents
-- (0010): GIN on the tsvector for the words, GIN trigram on the space-separated terms for typos and fragments.
-- Versions are kept: the application never updates or deletes a saved version, and the database refuses it.
CREATE INDEX IF NOT EXISTS policies_tokens_idx ON policies USING gin (tokens);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS policies_trgm_idx ON policies USING gin (trgm_text gin_trgm_ops);--> statement-breakpoint
CREATE FUNCTION policy_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER policy_versions_append_only BEFORE UPDATE OR DELETE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION policy_versions_append_only();
