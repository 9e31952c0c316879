CREATE TABLE "inventory_profiles" (
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"profile" jsonb NOT NULL,
	"search" text DEFAULT '' NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "inventory_profiles_space_id_phone_number_pk" PRIMARY KEY("space_id","phone_number")
);
--> statement-breakpoint
ALTER TABLE "inventory_profiles" ADD CONSTRAINT "inventory_profiles_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;