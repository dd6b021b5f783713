CREATE INDEX "escrow_contracts_payer_idx" ON "escrow_contracts" USING btree ("payer_org_id");--> statement-breakpoint
CREATE INDEX "escrow_contracts_payee_idx" ON "escrow_contracts" USING btree ("payee_org_id");--> statement-breakpoint
CREATE INDEX "escrow_payouts_account_idx" ON "escrow_payouts" USING btree ("account_id","created_at");