-- The evidence log is append-only, like the audit log (0001) and the sealed-bid tables (0012): entries, Merkle
-- nodes, signed checkpoints and witness cosignatures are never updated or deleted by the application, and the
-- database refuses it. (The witness's own state and the e-mail subscriptions stay mutable.) The Merkle proofs
-- still catch someone who disables the trigger with owner rights.
CREATE FUNCTION evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_entries_append_only BEFORE UPDATE OR DELETE ON evidence_entries
  FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
--> statement-breakpoint
CREATE TRIGGER evidence_entries_no_truncate BEFORE TRUNCATE ON evidence_entries
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
--> statement-breakpoint
CREATE TRIGGER evidence_nodes_append_only BEFORE UPDATE OR DELETE ON evidence_nodes
  FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
--> statement-breakpoint
CREATE TRIGGER evidence_nodes_no_truncate BEFORE TRUNCATE ON evidence_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
--> statement-breakpoint
CREATE TRIGGER evidence_checkpoints_append_only BEFORE UPDATE OR DELETE ON evidence_checkpoints
  FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
--> statement-breakpoint
CREATE TRIGGER evidence_checkpoints_no_truncate BEFORE TRUNCATE ON evidence_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
--> statement-breakpoint
CREATE TRIGGER evidence_cosignatures_append_only BEFORE UPDATE OR DELETE ON evidence_cosignatures
  FOR EACH ROW EXECUTE FUNCTION evidence_append_only();
--> statement-breakpoint
CREATE TRIGGER evidence_cosignatures_no_truncate BEFORE TRUNCATE ON evidence_cosignatures
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_append_only();
