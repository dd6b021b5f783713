CREATE TABLE "matching_capacity" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"single_project_limit_fen" bigint,
	"aggregate_limit_fen" bigint,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL
);
