# SPDX-License-Identifier: Apache-2.0
# Run by drmaa2j as "flux python -c THIS SINCE": finds the jobs of this user submitted at or after
# SINCE (seconds since the epoch) whose jobspec carries attributes.user.drmaa2j.tag, and prints
# one line per such job: "ID TASK TAG" (ID decimal, TASK the bulk task index or "-").
import os
import sys

import flux
import flux.job

handle = flux.Flux()
since = float(sys.argv[1])
listing = flux.job.job_list(
    handle,
    max_entries=0,
    attrs=["t_submit"],
    userid=os.getuid(),
    constraint={"t_submit": [">=%f" % since]},
)
ids = [job["id"] for job in listing.get_jobs()]
found = flux.job.JobKVSLookup(handle, ids=ids, keys=["jobspec"]).data() if ids else []
for entry in found:
    mine = entry.get("jobspec", {}).get("attributes", {}).get("user", {}).get("drmaa2j")
    if isinstance(mine, dict) and isinstance(mine.get("tag"), str):
        task = mine.get("task")
        print(int(entry["id"]), task if isinstance(task, int) else "-", mine["tag"])
