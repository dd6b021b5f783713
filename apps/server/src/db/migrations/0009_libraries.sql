CREATE TABLE "demand_reviews" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decision" text,
	"reason" text,
	"reviewer_id" uuid,
	CONSTRAINT "demand_reviews_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"project_name" text NOT NULL,
	"category" text NOT NULL,
	"items" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"qualification_kind" text NOT NULL,
	"qualification_grade" text NOT NULL,
	"region_code" text NOT NULL,
	"site_address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"location_derived" boolean NOT NULL,
	"deadline" date NOT NULL,
	"description" text NOT NULL,
	"tags" text[] NOT NULL,
	"status" text NOT NULL,
	"feasibility_file_id" uuid NOT NULL,
	"funds_proof_file_id" uuid NOT NULL,
	"source_file_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "demands_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_files" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "project_files_org_id_project_id_file_id_pk" PRIMARY KEY("org_id","project_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "project_invitations" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"invited_org_id" uuid NOT NULL,
	CONSTRAINT "project_invitations_org_id_project_id_invited_org_id_pk" PRIMARY KEY("org_id","project_id","invited_org_id")
);
--> statement-breakpoint
CREATE TABLE "project_questions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"asker_org_id" uuid NOT NULL,
	"asker_user_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "project_questions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"engineering_type" text NOT NULL,
	"investment_fen" bigint NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"location_derived" boolean NOT NULL,
	"tags" text[] NOT NULL,
	"start_date" date,
	"end_date" date,
	"tender_deadline" date,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"visibility" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "resource_listings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"category" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"params" jsonb NOT NULL,
	"price_fen" bigint NOT NULL,
	"unit" text NOT NULL,
	"stock" bigint NOT NULL,
	"service_region_codes" text[] NOT NULL,
	"lead_time_days" integer NOT NULL,
	"region_code" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"location_derived" boolean NOT NULL,
	"tags" text[] NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_listings_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"kind" text NOT NULL,
	"id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_name" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"category" text,
	"region_code" text,
	"amount_fen" bigint,
	"unit" text,
	"tags" text[] NOT NULL,
	"qualifications" text[] NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"visibility" text NOT NULL,
	"audience" uuid[] NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"tokens" "tsvector" NOT NULL,
	"trgm_text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "search_keywords" (
	"id" uuid PRIMARY KEY NOT NULL,
	"keyword" text NOT NULL,
	"kind" text,
	"result_count" integer NOT NULL,
	"user_id" uuid,
	"org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "demand_reviews_id_idx" ON "demand_reviews" USING btree ("id");--> statement-breakpoint
CREATE INDEX "demand_reviews_due_idx" ON "demand_reviews" USING btree ("decided_at","due_at");--> statement-breakpoint
CREATE INDEX "demand_reviews_demand_idx" ON "demand_reviews" USING btree ("demand_id");--> statement-breakpoint
CREATE UNIQUE INDEX "demands_id_idx" ON "demands" USING btree ("id");--> statement-breakpoint
CREATE INDEX "project_questions_project_idx" ON "project_questions" USING btree ("project_id","asked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_id_idx" ON "projects" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_listings_id_idx" ON "resource_listings" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "search_documents_org_idx" ON "search_documents" USING btree ("org_id","kind","id");--> statement-breakpoint
CREATE INDEX "search_documents_published_idx" ON "search_documents" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "search_keywords_created_idx" ON "search_keywords" USING btree ("created_at");