/* SPDX-License-Identifier: BSD-3-Clause */
#include "driver.h"
#include "generic-snmp/generic_snmp.h"

int pr_driver_read_fdb(const struct pr_driver *drv, struct pr_snmp_source *snmp, struct pr_fdb *fdb,
                       struct pr_error *err)
{
    if (drv != NULL && drv->read_fdb != NULL)
        return drv->read_fdb(snmp, fdb, err);
    return generic_read_fdb(snmp, fdb, err);
}
