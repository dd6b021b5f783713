CREATE TABLE "contract_parties" (
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "contract_parties_org_id_contract_id_pk" PRIMARY KEY("org_id","contract_id")
);
--> statement-breakpoint
CREATE TABLE "contract_signatures" (
	"contract_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"signer_user_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_signatures_contract_id_version_no_org_id_pk" PRIMARY KEY("contract_id","version_no","org_id")
);
--> statement-breakpoint
CREATE TABLE "contract_versions" (
	"contract_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"variables" jsonb NOT NULL,
	"body_text" text NOT NULL,
	"body_sha256" text NOT NULL,
	"note" text,
	"proposed_by_org_id" uuid NOT NULL,
	"proposed_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_versions_contract_id_version_no_pk" PRIMARY KEY("contract_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"initiator_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"template_version" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"amendment_count" integer DEFAULT 0 NOT NULL,
	"signed_version" integer,
	"signed_file_id" uuid,
	"signed_sha256" text,
	"signed_at" timestamp with time zone,
	"signed_evidence_index" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_initiator_idx" ON "contracts" USING btree ("initiator_org_id","id");