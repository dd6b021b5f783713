CREATE TABLE "org_credit_grades" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"grade" text NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"set_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tender_addenda" (
	"tender_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"sha256" text NOT NULL,
	"evidence_index" bigint NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_addenda_tender_id_version_no_pk" PRIMARY KEY("tender_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "tender_awards" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"bidder_org_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"reason" text,
	CONSTRAINT "tender_awards_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tender_bid_receipts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"action" text NOT NULL,
	"revision" integer NOT NULL,
	"tender_version" integer NOT NULL,
	"envelope_sha256" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_bid_receipts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tender_bids" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"status" text NOT NULL,
	"revision" integer NOT NULL,
	"envelope" text NOT NULL,
	"envelope_sha256" text NOT NULL,
	"confirmed_version" integer NOT NULL,
	"evidence_index" bigint,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_bids_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tender_evaluations" (
	"tender_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"table" jsonb NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"evidence_index" bigint NOT NULL,
	"finalised_by" uuid NOT NULL,
	"finalised_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tender_evaluators" (
	"tender_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_evaluators_tender_id_user_id_pk" PRIMARY KEY("tender_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "tender_invitations" (
	"org_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	CONSTRAINT "tender_invitations_org_id_tender_id_pk" PRIMARY KEY("org_id","tender_id")
);
--> statement-breakpoint
CREATE TABLE "tender_keys" (
	"tender_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"private_key_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tender_openings" (
	"tender_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"record" jsonb NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"evidence_index" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tender_scores" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"evaluator_user_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_scores_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tenders" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"title" text NOT NULL,
	"project_name" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"description" text NOT NULL,
	"items" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"demand_type" text NOT NULL,
	"qualification_kind" text NOT NULL,
	"qualification_grade" text NOT NULL,
	"weights" jsonb NOT NULL,
	"award_response_days" integer NOT NULL,
	"auto_open" boolean DEFAULT true NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"public_key" text,
	"published_at" timestamp with time zone,
	"published_sha256" text,
	"contract_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenders_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "tender_awards_id_idx" ON "tender_awards" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "tender_awards_rank_idx" ON "tender_awards" USING btree ("tender_id","rank");--> statement-breakpoint
CREATE INDEX "tender_bid_receipts_bid_idx" ON "tender_bid_receipts" USING btree ("bid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tender_bids_id_idx" ON "tender_bids" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "tender_bids_tender_org_idx" ON "tender_bids" USING btree ("tender_id","org_id");--> statement-breakpoint
CREATE INDEX "tender_scores_tender_idx" ON "tender_scores" USING btree ("tender_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenders_id_idx" ON "tenders" USING btree ("id");--> statement-breakpoint
CREATE INDEX "tenders_status_idx" ON "tenders" USING btree ("status","deadline");