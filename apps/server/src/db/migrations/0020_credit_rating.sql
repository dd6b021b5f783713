CREATE TABLE "credit_contracts" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"amount_fen" bigint,
	"signed_on" text NOT NULL,
	"amendments" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_disputes" (
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"result" text NOT NULL,
	"level" integer NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_disputes_dispute_id_org_id_pk" PRIMARY KEY("dispute_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "credit_monthly" (
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"score" integer NOT NULL,
	"grade" text NOT NULL,
	"policy_version" integer NOT NULL,
	"thin" boolean NOT NULL,
	"dimensions" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_monthly_org_id_month_pk" PRIMARY KEY("org_id","month")
);
--> statement-breakpoint
CREATE TABLE "credit_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"reason" text NOT NULL,
	"expires_on" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"dual_control_request_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"prior_strength" integer NOT NULL,
	"note" text NOT NULL,
	"requested_by" uuid,
	"approved_by" uuid,
	"dual_control_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"rater_org_id" uuid NOT NULL,
	"rated_org_id" uuid NOT NULL,
	"quality" integer NOT NULL,
	"timeliness" integer NOT NULL,
	"cooperation" integer NOT NULL,
	"payment" integer NOT NULL,
	"comment" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_tax_declarations" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"paid_on_time" boolean NOT NULL,
	"declared_by" uuid NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_tax_declarations_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "credit_transactions" (
	"settlement_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"gross_fen" bigint NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_transactions_settlement_id_org_id_pk" PRIMARY KEY("settlement_id","org_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ratings_once_per_side" ON "credit_ratings" USING btree ("contract_id","rater_org_id");