CREATE INDEX "credit_disputes_org_idx" ON "credit_disputes" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "credit_ratings_rated_idx" ON "credit_ratings" USING btree ("rated_org_id");--> statement-breakpoint
CREATE INDEX "credit_transactions_org_idx" ON "credit_transactions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "credit_transactions_milestone_idx" ON "credit_transactions" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "execution_reviews_contract_idx" ON "execution_log_reviews" USING btree ("contract_id","created_at","decision");--> statement-breakpoint
CREATE INDEX "execution_milestones_due_idx" ON "execution_milestones" USING btree ("contract_id","due_date","id");