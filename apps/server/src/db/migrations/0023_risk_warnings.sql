CREATE TABLE "risk_amendments" (
	"contract_id" uuid NOT NULL,
	"version_no" bigint NOT NULL,
	"title" text NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"signed_on" text NOT NULL,
	CONSTRAINT "risk_amendments_contract_id_version_no_pk" PRIMARY KEY("contract_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "risk_money_flows" (
	"release_id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" text NOT NULL,
	"payer_org_id" uuid NOT NULL,
	"payee_org_id" uuid NOT NULL,
	"gross_fen" bigint NOT NULL,
	"due_date" text NOT NULL,
	"released_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_tender_flags" (
	"tender_id" uuid PRIMARY KEY NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"flags" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_warning_parties" (
	"warning_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "risk_warning_parties_warning_id_org_id_pk" PRIMARY KEY("warning_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "risk_warning_transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warning_id" uuid NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_org_id" uuid,
	"note" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_warnings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"severity" text NOT NULL,
	"state" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"contract_id" uuid,
	"owner_org_id" uuid,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "risk_money_flows_pair_idx" ON "risk_money_flows" USING btree ("payer_org_id","payee_org_id");--> statement-breakpoint
CREATE INDEX "risk_money_flows_contract_idx" ON "risk_money_flows" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "risk_tender_flags_buyer_idx" ON "risk_tender_flags" USING btree ("buyer_org_id");--> statement-breakpoint
CREATE INDEX "risk_warning_parties_org_idx" ON "risk_warning_parties" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "risk_warning_transitions_warning_idx" ON "risk_warning_transitions" USING btree ("warning_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_warnings_one_active" ON "risk_warnings" USING btree ("subject_kind","subject_id","type") WHERE state in ('open', 'acknowledged');--> statement-breakpoint
CREATE INDEX "risk_warnings_state_idx" ON "risk_warnings" USING btree ("state","type");--> statement-breakpoint
CREATE INDEX "risk_warnings_contract_idx" ON "risk_warnings" USING btree ("contract_id");