CREATE TABLE "escrow_contracts" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"payer_org_id" uuid NOT NULL,
	"payee_org_id" uuid NOT NULL,
	"contract_amount_fen" bigint NOT NULL,
	"advance_ratio_pct" integer NOT NULL,
	"retention_pct" integer NOT NULL,
	"labour_share_pct" integer NOT NULL,
	"bond_pct" integer,
	"bond_required_fen" bigint NOT NULL,
	"deposit_reference" text NOT NULL,
	"escrow_account_id" uuid NOT NULL,
	"retention_account_id" uuid NOT NULL,
	"bond_account_id" uuid NOT NULL,
	"labour_account_id" uuid NOT NULL,
	"frozen" boolean DEFAULT false NOT NULL,
	"frozen_at" timestamp with time zone,
	"frozen_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escrow_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escrow_expected_deposits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"milestone_id" text,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"matched_line_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escrow_payouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"beneficiary_name" text NOT NULL,
	"beneficiary_account" text NOT NULL,
	"hold_transfer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"bank_reference" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escrow_releases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" text NOT NULL,
	"settlement_id" text NOT NULL,
	"gross_fen" bigint NOT NULL,
	"retention_fen" bigint NOT NULL,
	"labour_fen" bigint NOT NULL,
	"fee_fen" bigint NOT NULL,
	"reserve_fen" bigint NOT NULL,
	"net_fen" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escrow_risk_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"milestone_id" text,
	"detail" text NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "escrow_schedule_items" (
	"contract_id" uuid NOT NULL,
	"milestone_id" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"settlement_id" text,
	"paid_at" timestamp with time zone,
	CONSTRAINT "escrow_schedule_items_contract_id_milestone_id_pk" PRIMARY KEY("contract_id","milestone_id")
);
--> statement-breakpoint
CREATE TABLE "escrow_statement_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"imported_by" uuid,
	"line_count" integer NOT NULL,
	"matched" integer NOT NULL,
	"unmatched" integer NOT NULL,
	"duplicate" integer NOT NULL,
	"invalid" integer NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escrow_statement_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"bank_txn_id" text NOT NULL,
	"value_date" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payer_name" text NOT NULL,
	"memo" text NOT NULL,
	"status" text NOT NULL,
	"contract_id" uuid,
	"transfer_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "execution_boq_lines" (
	"contract_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	CONSTRAINT "execution_boq_lines_contract_id_id_pk" PRIMARY KEY("contract_id","id")
);
--> statement-breakpoint
CREATE TABLE "execution_log_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"log_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"comment" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "execution_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"log_date" text NOT NULL,
	"workers_on_site" integer NOT NULL,
	"weather" text NOT NULL,
	"issues" text NOT NULL,
	"work" jsonb NOT NULL,
	"status" text NOT NULL,
	"revises_log_id" uuid,
	"sha256" text NOT NULL,
	"evidence_index" bigint,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "execution_milestones" (
	"contract_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"deliverables" text NOT NULL,
	"due_date" text NOT NULL,
	"share_bp" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "execution_milestones_contract_id_id_pk" PRIMARY KEY("contract_id","id")
);
--> statement-breakpoint
CREATE TABLE "execution_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"log_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sha256" text NOT NULL,
	"taken_at" timestamp with time zone,
	"latitude" double precision,
	"longitude" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "execution_plans" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"payee_org_id" uuid NOT NULL,
	"supervisor_org_id" uuid,
	"contract_title" text NOT NULL,
	"start_date" text NOT NULL,
	"contract_amount_fen" bigint NOT NULL,
	"retention_bp" integer NOT NULL,
	"advance_bp" integer NOT NULL,
	"labour_share_bp" integer NOT NULL,
	"bond_bp" integer,
	"planned_curve" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"owner_org_id" uuid,
	"contract_id" uuid,
	"floor" text NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"posted" bigint DEFAULT 0 NOT NULL,
	"pending_debits" bigint DEFAULT 0 NOT NULL,
	"pending_credits" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_accounts_pending_nonneg" CHECK ("ledger_accounts"."pending_debits" >= 0 and "ledger_accounts"."pending_credits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"debit_account_id" uuid NOT NULL,
	"credit_account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"pending_id" uuid,
	"reverses_id" uuid,
	"timeout_at" timestamp with time zone,
	"code" text NOT NULL,
	"contract_id" uuid,
	"memo" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_transfers_amount_nonneg" CHECK ("ledger_transfers"."amount" >= 0),
	CONSTRAINT "ledger_transfers_distinct_accounts" CHECK ("ledger_transfers"."debit_account_id" <> "ledger_transfers"."credit_account_id")
);
--> statement-breakpoint
CREATE TABLE "settlement_quantity_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"settlement_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"line_id" uuid NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"note" text NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_quantity_votes" (
	"proposal_id" uuid NOT NULL,
	"settlement_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"decision" text NOT NULL,
	"note" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_quantity_votes_proposal_id_org_id_pk" PRIMARY KEY("proposal_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "settlement_signatures" (
	"settlement_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_user_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "settlement_signatures_settlement_id_org_id_pk" PRIMARY KEY("settlement_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"statement" jsonb,
	"statement_sha256" text,
	"signed_file_id" uuid,
	"signed_sha256" text,
	"evidence_index" bigint,
	"release_error" text,
	"released_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "escrow_contracts_reference_idx" ON "escrow_contracts" USING btree ("deposit_reference");--> statement-breakpoint
CREATE INDEX "escrow_events_contract_idx" ON "escrow_events" USING btree ("contract_id","at");--> statement-breakpoint
CREATE INDEX "escrow_expected_contract_idx" ON "escrow_expected_deposits" USING btree ("contract_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "escrow_payouts_client_idx" ON "escrow_payouts" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "escrow_payouts_org_idx" ON "escrow_payouts" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escrow_releases_client_idx" ON "escrow_releases" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escrow_releases_milestone_idx" ON "escrow_releases" USING btree ("contract_id","milestone_id");--> statement-breakpoint
CREATE INDEX "escrow_risk_cases_status_idx" ON "escrow_risk_cases" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "escrow_schedule_due_idx" ON "escrow_schedule_items" USING btree ("status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "escrow_statement_lines_txn_idx" ON "escrow_statement_lines" USING btree ("bank_txn_id");--> statement-breakpoint
CREATE UNIQUE INDEX "execution_boq_org_idx" ON "execution_boq_lines" USING btree ("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "execution_reviews_org_idx" ON "execution_log_reviews" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "execution_reviews_log_idx" ON "execution_log_reviews" USING btree ("log_id");--> statement-breakpoint
CREATE UNIQUE INDEX "execution_logs_org_idx" ON "execution_logs" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "execution_logs_contract_idx" ON "execution_logs" USING btree ("contract_id","log_date");--> statement-breakpoint
CREATE UNIQUE INDEX "execution_milestones_org_idx" ON "execution_milestones" USING btree ("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "execution_photos_org_idx" ON "execution_photos" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "execution_photos_log_idx" ON "execution_photos" USING btree ("log_id");--> statement-breakpoint
CREATE UNIQUE INDEX "execution_plans_org_idx" ON "execution_plans" USING btree ("org_id","contract_id");--> statement-breakpoint
CREATE INDEX "execution_plans_payee_idx" ON "execution_plans" USING btree ("payee_org_id");--> statement-breakpoint
CREATE INDEX "execution_plans_supervisor_idx" ON "execution_plans" USING btree ("supervisor_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_code_idx" ON "ledger_accounts" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ledger_accounts_owner_idx" ON "ledger_accounts" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "ledger_accounts_contract_idx" ON "ledger_accounts" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_client_idx" ON "ledger_transfers" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_resolves_idx" ON "ledger_transfers" USING btree ("pending_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_reverses_idx" ON "ledger_transfers" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_debit_idx" ON "ledger_transfers" USING btree ("debit_account_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_transfers_credit_idx" ON "ledger_transfers" USING btree ("credit_account_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_transfers_contract_idx" ON "ledger_transfers" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_proposals_org_idx" ON "settlement_quantity_proposals" USING btree ("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_proposals_seq_idx" ON "settlement_quantity_proposals" USING btree ("settlement_id","seq");--> statement-breakpoint
CREATE INDEX "settlement_votes_settlement_idx" ON "settlement_quantity_votes" USING btree ("settlement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_org_idx" ON "settlements" USING btree ("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_milestone_idx" ON "settlements" USING btree ("contract_id","milestone_id");