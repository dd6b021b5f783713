-- Ledger transfers are immutable (FUND-1): posted transfers, holds and their resolutions are inserted once and
-- never updated or deleted; a mistake is corrected by a reversing transfer. The database refuses UPDATE, DELETE
-- and TRUNCATE, so tampering needs a superuser disabling this trigger, which `ledger:verify` then catches.
-- Escrow releases (the split of each settled payment) are append-only for the same reason.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_no_update_delete BEFORE UPDATE OR DELETE ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON ledger_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER escrow_releases_no_update_delete BEFORE UPDATE OR DELETE ON escrow_releases
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE INDEX ledger_transfers_open_holds_idx ON ledger_transfers (timeout_at) WHERE kind = 'pending';
