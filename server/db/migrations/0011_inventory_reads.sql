CREATE TABLE "inventory_reads" (
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_reads_space_id_phone_number_kind_pk" PRIMARY KEY("space_id","phone_number","kind")
);
--> statement-breakpoint
ALTER TABLE "inventory_reads" ADD CONSTRAINT "inventory_reads_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;