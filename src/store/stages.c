/* stages.c: the stages whose tables are in a store, each with its own migration steps
 * (db.h): a stage that brings tables (connect) adds its list here, not to the store's. */
#include "store/db.h"

const bti_stage_schema *const bti_stage_schemas[] = {
    &bti_store_schema,
    &bti_connect_schema,
    &bti_top_schema,
    NULL,
};
