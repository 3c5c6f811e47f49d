"""The CLI's data as a data tool reads it: `shuzhuan score --format csv` of a portfolio
of answers files loaded into DuckDB unchanged (types sniffed by DuckDB itself), and a
roll-up written in SQL — each indicator's mean and Σ-weighted value, the share of firms
meeting the target, the levels and the share at 二级 or above — equal to what
`shuzhuan rollup --format json` computes from the same files.

Run by scripts/test.sh with the venv scripts/setup.sh makes:
    .tools/py/bin/python -m unittest discover -s tests/duckdb -v
The CLI is target/debug/shuzhuan (built by `cargo test`), or $SHUZHUAN_BIN.
"""

import json
import math
import os
import random
import shutil
import subprocess
import tempfile
import tomllib
import unittest

import duckdb

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("SHUZHUAN_BIN", os.path.join(ROOT, "target", "debug", "shuzhuan"))
PROFILE = "national-2025"
FIRMS = 60

# Options and version of the SME questionnaire, read from its file so the portfolio
# follows the questionnaire as it changes.
with open(os.path.join(ROOT, "questionnaires", "sme-digital-level.toml"), "rb") as f:
    SME = tomllib.load(f)
VERSION = SME["questionnaire"]["version"]
ITEMS = {i["id"]: i for s in SME["sections"] for d in s["dimensions"] for i in d["items"]}
MULTI = {i: [o["id"] for o in ITEMS[i]["options"]] for i in
         ["network", "auto_data_capture", "network_security", "data_security", "governance",
          "talent_measures"]}
CHOICE = {i: [o["id"] for o in ITEMS[i]["options"]] for i in ["system_coverage", "digital_plan"]}
CHOICE.update({i: ["up", "flat", "down"] for i in
               ["energy_per_revenue", "pass_rate", "revenue_per_employee", "cost_per_revenue"]})
CHOICE["uses_platform"] = ["yes", "no"]


def part_of(rnd, whole):
    """Counts as a firm types them; now and then a whole of 0 (not applicable) or
    a part above its whole (invalid), or the part left out (missing)."""
    roll = rnd.random()
    if roll < 0.08:
        return "0", "0"
    if roll < 0.12:
        return str(whole), str(whole + 3)
    if roll < 0.18:
        return str(whole), None
    return str(whole), str(rnd.randint(0, whole))


def firm_file(rnd, n):
    values = {}
    for item, options in MULTI.items():
        if rnd.random() < 0.9:
            values[item] = {"selected": rnd.sample(options, rnd.randint(0, len(options)))}
    for item, options in CHOICE.items():
        if rnd.random() < 0.9:
            values[item] = {"choice": rnd.choice(options)}
    for whole_id, part_ids, top in [("equip_total", ["equip_digital", "equip_networked"], 400),
                                    ("key_processes", ["cnc_key_processes"], 80),
                                    ("mgmt_functions", ["mgmt_functions_digital"], 12),
                                    ("rd_staff", ["rd_staff_with_tools"], 60)]:
        whole = rnd.randint(1, top)
        for part_id in part_ids:
            whole_text, part = part_of(rnd, whole)
            values[whole_id] = {"typed": whole_text}
            if part is not None:
                values[part_id] = {"typed": part}
    values["digital_invest_avg"] = {"typed": str(rnd.randint(0, 60))}
    values["revenue"] = {"typed": str(rnd.randint(500, 2000))}
    # A name with a comma and a quote: the CSV must quote it, DuckDB must read it back.
    name = f"示例企业 {n}" if n % 7 else f'泰州"{n}"号,有限公司'
    return {
        "format": "shuzhuan-answers",
        "format_version": 1,
        "questionnaire": {"id": "sme-digital-level", "version": VERSION},
        "firm": {"name": name, "sector": "machinery", "size": "small", "region": "江苏省泰州市",
                 "respondent_role": ""},
        "target_profile": PROFILE,
        "answers": {"values": values},
        "created_at": "",
        "updated_at": "",
        # Two rounds a year apart; the first firms' files were written before rounds and dates.
        **({} if n < 3 else {"round": "2025 基线" if n % 2 else "2026 T1",
                             "assessed_on": f"{2026 - n % 2}-0{1 + n % 9}-{10 + n % 19}"}),
    }


def run(*args):
    out = subprocess.run([CLI, *args], cwd=ROOT, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise AssertionError(f"{args[0]} exited {out.returncode}: {out.stderr}")
    return out


class RollupInDuckDB(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="shuzhuan-duckdb-")
        rnd = random.Random(19)
        files = []
        for n in range(FIRMS):
            path = os.path.join(cls.dir, f"firm-{n:03}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(firm_file(rnd, n), f, ensure_ascii=False)
            files.append(path)
        # The golden firms, and two files the roll-up leaves out (score names them too).
        for name in ["mixed-firm.json", "empty-firm.json", "other-questionnaire.json", "damaged.json"]:
            path = os.path.join(cls.dir, name)
            shutil.copy(os.path.join(ROOT, "tests", "answers", name), path)
            files.append(path)
        cls.csv = os.path.join(cls.dir, "firms.csv")
        score = run("score", "--questionnaire", "sme-digital-level", "--targets", PROFILE,
                    "--format", "csv", *files)
        with open(cls.csv, "w", encoding="utf-8") as f:
            f.write(score.stdout)
        cls.score_stderr = score.stderr
        cls.rollup = json.loads(run("rollup", "--profile", PROFILE, "--format", "json", *files).stdout)
        cls.db = duckdb.connect()
        cls.db.execute(f"CREATE TABLE firms AS SELECT * FROM read_csv('{cls.csv}')")

    @classmethod
    def tearDownClass(cls):
        cls.db.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def one(self, sql):
        return self.db.execute(sql).fetchone()

    def close(self, a, b):
        if a is None or b is None:
            self.assertEqual(a, b)
        else:
            self.assertTrue(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12), f"{a} != {b}")

    def test_duckdb_reads_the_csv_with_the_right_types(self):
        types = dict(self.db.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'firms'").fetchall())
        self.assertEqual(types["total"], "DOUBLE")
        self.assertEqual(types["cnc_rate_value"], "DOUBLE")
        self.assertIn(types["cnc_rate_numerator"], ("DOUBLE", "BIGINT"))
        self.assertEqual(types["cnc_rate_meets_target"], "BOOLEAN")
        self.assertEqual(types["provisional"], "BOOLEAN")
        self.assertEqual(types["level"], "BIGINT")
        self.assertEqual(types["firm"], "VARCHAR")
        self.assertEqual(types["round"], "VARCHAR")
        self.assertEqual(types["assessed_on"], "DATE")
        rounds = dict(self.db.execute(
            "SELECT coalesce(round, ''), count(*) FROM firms WHERE file LIKE '%firm-%' GROUP BY ALL").fetchall())
        odd = sum(n % 2 for n in range(3, FIRMS))
        self.assertEqual(rounds, {"": 3, "2025 基线": odd, "2026 T1": FIRMS - 3 - odd})
        # Read as dates: the earliest of the second round by the calendar.
        first_t1 = min((1 + n % 9, 10 + n % 19) for n in range(4, FIRMS, 2))
        self.assertEqual(self.one("SELECT min(assessed_on)::VARCHAR FROM firms WHERE round = '2026 T1'")[0],
                         "2026-%02d-%02d" % first_t1)
        # The quoted name came back whole, and every scored file is a row.
        self.assertEqual(self.one("SELECT count(*) FROM firms WHERE firm = '泰州\"0\"号,有限公司'")[0], 1)
        self.assertEqual(self.one("SELECT count(*) FROM firms")[0], FIRMS + 2)
        self.assertIn("2 failed", self.score_stderr)

    def test_firms_and_the_left_out(self):
        r = self.rollup
        firms, incomplete = self.one("SELECT count(*), count(*) FILTER (WHERE provisional) FROM firms")
        self.assertEqual((r["firms"], r["incomplete"]), (firms, incomplete))
        self.assertEqual(r["left_out"], {"other_questionnaire": 1, "other_version": 0, "unreadable": 1})

    def test_each_indicator_rolls_up_the_same_in_sql(self):
        for ind in self.rollup["indicators"]:
            i = ind["id"]
            with self.subTest(indicator=i):
                mean, weighted, with_value, meeting, lo, hi = self.one(f"""
                    SELECT avg({i}_value),
                           sum({i}_numerator) * 100 / nullif(sum({i}_denominator), 0),
                           count({i}_value),
                           count(*) FILTER (WHERE {i}_meets_target),
                           min({i}_value), max({i}_value)
                    FROM firms""")
                self.close(ind["mean"], mean)
                self.close(ind["weighted"], weighted)
                self.assertEqual(ind["with_value"], with_value)
                self.assertEqual((ind["min"], ind["max"]), (lo, hi))
                by_status = dict(self.db.execute(
                    f"SELECT {i}_status, count(*) FROM firms GROUP BY ALL").fetchall())
                self.assertEqual(
                    (ind["not_applicable"], ind["missing"], ind["invalid"]),
                    (by_status.get("not_applicable", 0), by_status.get("missing", 0), by_status.get("invalid", 0)))
                if ind["target"] is None:
                    self.assertIsNone(ind["meeting_target"])
                    continue
                self.assertEqual(ind["meeting_target"], meeting)
                share = self.one(f"SELECT count(*) FILTER (WHERE {i}_meets_target) * 100.0 / count({i}_value) FROM firms")[0]
                self.close(ind["share_meeting_target"], share)
        # The portfolio is varied enough for the comparison to mean something.
        cnc = next(i for i in self.rollup["indicators"] if i["id"] == "cnc_rate")
        self.assertTrue(cnc["with_value"] > 20 and cnc["not_applicable"] > 0 and cnc["invalid"] > 0, cnc)
        self.assertNotAlmostEqual(cnc["mean"], cnc["weighted"], places=3)
        self.assertTrue(0 < cnc["meeting_target"] < cnc["with_value"], cnc)
        # The management functions are the firm's own count (not a fixed list of 8), so
        # firms weigh differently there too.
        mgmt = next(i for i in self.rollup["indicators"] if i["id"] == "mgmt_digital_rate")
        self.assertTrue(mgmt["with_value"] > 20 and mgmt["not_applicable"] > 0, mgmt)
        self.assertNotAlmostEqual(mgmt["mean"], mgmt["weighted"], places=3)

    def test_levels_and_the_share_at_level_2_or_above(self):
        r = self.rollup
        counts = dict(self.db.execute("SELECT coalesce(level, 0), count(*) FROM firms GROUP BY ALL").fetchall())
        self.assertEqual(r["below_first_level"], counts.get(0, 0))
        for level in r["levels"]:
            self.assertEqual(level["firms"], counts.get(level["level"], 0), level)
        at_or_above, share = self.one(
            "SELECT count(*) FILTER (WHERE level >= 2), count(*) FILTER (WHERE level >= 2) * 100.0 / count(*) FROM firms")
        self.assertEqual(r["at_or_above"]["level"], 2)
        self.assertEqual(r["at_or_above"]["firms"], at_or_above)
        self.close(r["at_or_above"]["share"], share)
        self.assertTrue(len([c for c in counts.values() if c > 0]) >= 3, counts)


if __name__ == "__main__":
    unittest.main()
