CREATE TABLE "cooperation_firms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name_key" text NOT NULL,
	"name" text NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"town" text DEFAULT '' NOT NULL,
	"national_id" text,
	"org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"buyer_firm_id" uuid NOT NULL,
	"supplier_firm_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"category_group" text NOT NULL,
	"category_division" text NOT NULL,
	"zh_category" text DEFAULT '' NOT NULL,
	"extra_codes" text[] DEFAULT '{}' NOT NULL,
	"region_code" text NOT NULL,
	"region_prefix" text NOT NULL,
	"amount_minor" bigint,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"rating" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matching_pushes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"awarded_at" timestamp with time zone,
	CONSTRAINT "matching_pushes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "matching_runs" (
	"org_id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"candidates" integer NOT NULL,
	"model" text NOT NULL,
	"note" text,
	CONSTRAINT "matching_runs_org_id_demand_id_pk" PRIMARY KEY("org_id","demand_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"org_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_firms_name_key_idx" ON "cooperation_firms" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "cooperation_firms_org_idx" ON "cooperation_firms" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_records_source_idx" ON "cooperation_records" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "cooperation_records_pool_idx" ON "cooperation_records" USING btree ("category_group","region_prefix","occurred_on");--> statement-breakpoint
CREATE INDEX "cooperation_records_division_idx" ON "cooperation_records" USING btree ("category_division","region_prefix","occurred_on");--> statement-breakpoint
CREATE INDEX "cooperation_records_buyer_idx" ON "cooperation_records" USING btree ("buyer_firm_id","supplier_firm_id");--> statement-breakpoint
CREATE INDEX "cooperation_records_supplier_idx" ON "cooperation_records" USING btree ("supplier_firm_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "matching_pushes_id_idx" ON "matching_pushes" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "matching_pushes_demand_supplier_idx" ON "matching_pushes" USING btree ("demand_id","org_id");--> statement-breakpoint
CREATE INDEX "matching_pushes_supplier_idx" ON "matching_pushes" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "matching_pushes_created_idx" ON "matching_pushes" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "matching_runs_demand_idx" ON "matching_runs" USING btree ("demand_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_org_idx" ON "notifications" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "resource_listings_kind_idx" ON "resource_listings" USING btree ("kind","status","org_id");