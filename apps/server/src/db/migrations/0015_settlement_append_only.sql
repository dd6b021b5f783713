-- Quantity confirmations (验收结算 FLOW-6) are evidence between three parties: a proposal, a confirmation and a
-- disagreement are inserted once and never changed; a disagreement is answered by a new proposal. Signatures on
-- settlement statements are kept the same way. The database refuses UPDATE and DELETE on these tables.
CREATE FUNCTION settlement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER settlement_proposals_append_only BEFORE UPDATE OR DELETE ON settlement_quantity_proposals
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();
--> statement-breakpoint
CREATE TRIGGER settlement_votes_append_only BEFORE UPDATE OR DELETE ON settlement_quantity_votes
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();
--> statement-breakpoint
CREATE TRIGGER settlement_signatures_append_only BEFORE UPDATE OR DELETE ON settlement_signatures
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();
