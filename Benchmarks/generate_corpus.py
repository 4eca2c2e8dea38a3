#!/usr/bin/env python3
"""Deterministic benchmark corpus generator for rxtext.

Builds article-like text from the sample articles in corpus/*.txt (split into paragraphs and
sentences, shuffled and recombined, with driver names, venues and years substituted) and from
sentence templates of its own, with machine-translation garbles planted at roughly one per
`--garble-every` words (default 60).

    python3 Benchmarks/generate_corpus.py --size-mb 10 --layout small --out Benchmarks/out/corpus-10mb-small

Layouts:
  small  many files of 3-10 KB (one article each), 500 files per sub-directory
  large  a few big files (`--files`, default 10), each a run of articles separated by blank lines

The same seed, size and layout always give byte-identical output.
"""

import argparse
import os
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

# --------------------------------------------------------------------------- substitution lists

DRIVERS = [
    "Rokas Baciuška", "Artis Baumanis", "Reinis Nitišs", "Jere Kalliokoski", "Niclas Grönholm",
    "Riku Tahko", "Johan Kristoffersson", "Timmy Hansen", "Kevin Hansen", "Andreas Bakkerud",
    "Anton Marklund", "Toomas Heikkinen", "Janis Baumanis", "Aydar Nuriev", "Timur Timerzyanov",
    "Jesse Kallio", "Juha Rytkönen", "Mikko Ikonen", "Kevin Eriksson", "Robin Larsson",
    "Krisztián Szabó", "Tamás Pál Kiss", "Sebastian Eriksson", "Liam Doran", "Guerlain Chicherit",
    "Mattias Ekström", "Petter Solberg", "Sébastien Loeb", "Jani Paasonen", "Marcus Grönholm",
]
VENUES = [
    ("Barcelona", "Spain", "Spanish"), ("Montalegre", "Portugal", "Portuguese"),
    ("Mettet", "Belgium", "Belgian"), ("Lydden Hill", "Britain", "British"),
    ("Hell", "Norway", "Norwegian"), ("Höljes", "Sweden", "Swedish"),
    ("Lohéac", "France", "French"), ("Riga", "Latvia", "Latvian"),
    ("Trois-Rivières", "Canada", "Canadian"), ("Kouvola", "Finland", "Finnish"),
    ("Buxtehude", "Germany", "German"), ("Holjes", "Sweden", "Swedish"),
    ("Nyirád", "Hungary", "Hungarian"), ("Kaanaa", "Finland", "Finnish"),
    ("Jurva", "Finland", "Finnish"), ("Honkajoki", "Finland", "Finnish"),
    ("Estering", "Germany", "German"), ("Cape Town", "South Africa", "South African"),
]
YEARS = [str(y) for y in range(2012, 2025)]
CLASSES = ["Supercar", "Super1600", "RX2", "TouringCar", "SuperCar Lites", "RX3"]
CHAMPIONSHIPS = ["European Rallycross Championship", "World Rallycross Championship",
                 "Finnish Rallycross Championship", "RallyX Nordic", "Euro RX", "World RX"]
CARS = ["Ford Fiesta", "Volkswagen Polo", "Peugeot 208", "Audi S1", "Škoda Fabia",
        "Hyundai i20", "Renault Clio", "Mini Countryman", "Citroën DS3", "Audi A1"]
TEAMS = ["Volland Racing", "Set Promotion", "GRX Taneco", "Olsbergs MSE", "Team Peugeot Total",
         "EKS", "Hansen Motorsport", "G-FORS", "JC Raceteknik", "Kristoffersson Motorsport"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "11th", "12th", "13th"]
MONTHS = ["April", "May", "June", "July", "August", "September", "October"]

# --------------------------------------------------------------------------- templates

# Clean sentences; the garble pass rewrites some of them.
TEMPLATES = [
    "{driver} finished {ordinal} in the final at {venue}.",
    "In {month} the {class} field travelled to {venue} in {country}.",
    "The {year} season of the {champ} began at {venue}.",
    "{driver} won the semi-final and started the final from pole position.",
    "A puncture in Q2 cost {driver} valuable points on Saturday.",
    "After the qualifying heats {driver} was {ordinal}, just inside the semi-final places.",
    "{driver} drove a {car} for {team} in the {year} season.",
    "The rallycross weekend at {venue} drew a record crowd.",
    "On Sunday {driver} took the joker lap early and lost two places.",
    "{driver} reached the podium for the first time in the {champ}.",
    "The {adjective} round was decided in the final corner.",
    "{team} brought a new {car} to {venue} for the last rounds of the season.",
    "A broken drive shaft ended the weekend of {driver} in the semi-final.",
    "In the standings {driver} was {ordinal} after {venue}.",
    "The European Championship round at {venue} was held in heavy rain.",
    "{driver} set the fastest time in Q1 and Q3 and was the top qualifier.",
    "Gravel and tarmac alternate on the track at {venue}, and the tyres suffer.",
    "The stewards gave {driver} a five-second penalty for a jump start.",
    "{driver} was the best rookie of the {year} {champ}.",
    "It was the first rallycross victory of {driver} in the {class} class.",
    "With one round to go, {driver} led the standings by {points} points.",
    "The team changed the gearbox overnight, and {driver} started Q3 on time.",
    "{driver} had a puncture in the final and dropped to {ordinal}.",
    "The podium at {venue} was completed by {driver} and {driver2}.",
    "{driver}, {age}, comes from a family with a long history in rallycross.",
    "The season ended in {month} at {venue}, where {driver} secured the title.",
]

QUOTE_TEMPLATES = [
    "– We had the speed all weekend. The start of the final was not perfect, but the car was strong, {surname} says.",
    "– What a weekend. The team did a great job and the tyres lasted to the end, {surname} says.",
    "– it was a difficult day for us. We will look at the data and come back stronger at {venue}, {surname} says.",
    "– The track at {venue} suits my driving. I knew we could fight for the podium, {surname} says.",
    "– We lost points with the puncture, but the championship is long, {surname} sums up.",
]

HEADLINES = [
    "{driver} {ordinal} at {venue} – the {class} season continues",
    "{surname} takes the {champ} title at {venue}",
    "Rallycross: {driver} fights back in {country}",
    "{year} {champ}: {surname} on the podium again",
]

# --------------------------------------------------------------------------- garbles

# (pattern in a clean sentence, garbled replacements)
REWRITES = [
    (re.compile(r"\brallycross\b"), ["rallicross", "rallikross"]),
    (re.compile(r"\bRallycross\b"), ["Rallicross", "Rallikross"]),
    (re.compile(r"\bEuropean Championship\b"), ["EM series", "EM-series", "EM"]),
    (re.compile(r"\bthe podium\b"), ["the prize pool", "the prize stool"]),
    (re.compile(r"\bA puncture\b"), ["A tire breach", "A tyre breach"]),
    (re.compile(r"\ba puncture\b"), ["a tire breach", "a tyre crime"]),
    (re.compile(r"\bthe semi-final\b"), ["the intermediate round", "the semifinal"]),
    (re.compile(r"\bdrive shaft\b"), ["pulling shaft"]),
    (re.compile(r"\bgearbox\b"), ["switch box"]),
    (re.compile(r"\bpole position\b"), ["pole place"]),
    (re.compile(r"\bthe qualifying heats\b"), ["the batches", "the initial batches"]),
    (re.compile(r"\btook the joker lap\b"), ["drove the joker lap"]),
    (re.compile(r"\bthe final\b"), ["the final of the final", "the end competition"]),
    (re.compile(r"\btyres\b"), ["tires"]),
]
WORD_RE = re.compile(r"\b[A-Z][a-zäöüéšž]+\b")


def garble(sentence, rng):
    """Plant one garble in a sentence: a rewrite when one applies, else a doubled word."""
    rewrites = [(p, alts) for p, alts in REWRITES if p.search(sentence)]
    if rewrites and rng.random() < 0.7:
        pattern, alts = rng.choice(rewrites)
        return pattern.sub(rng.choice(alts), sentence, count=1)
    if sentence.startswith("– ") and len(sentence) > 3 and sentence[2].isupper():
        return "– " + sentence[2].lower() + sentence[3:]
    words = [m for m in WORD_RE.finditer(sentence) if m.start() > 0]
    if words:
        m = rng.choice(words)  # "Hell Hell", "Riga Riga"
        return sentence[: m.end()] + " " + m.group(0) + sentence[m.end():]
    small = [m for m in re.finditer(r"\b(the|in|of|and|was)\b", sentence)]
    if small:
        m = rng.choice(small)  # "the the"
        return sentence[: m.end()] + " " + m.group(0) + sentence[m.end():]
    return sentence


# --------------------------------------------------------------------------- sample articles

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u017f0-9])")
FOOTER_START = re.compile(r"^(Share this:|Leave a reply|Like this:|Related)", re.IGNORECASE | re.MULTILINE)


def load_samples():
    """Sentences, dialogue paragraphs, headlines and web-page footers of the sample articles."""
    sentences, dialogue, headlines, footers = [], [], [], []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        m = FOOTER_START.search(text)
        if m:
            footers.append(text[m.start():].strip())
            text = text[: m.start()]
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        headlines.append(paragraphs[0].splitlines()[0])
        for p in paragraphs[1:]:
            p = " ".join(p.split())
            if p.startswith("–"):
                dialogue.append(p)
            else:
                sentences.extend(s for s in SENTENCE_SPLIT.split(p) if s.count(" ") >= 3)
    return sentences, dialogue, headlines, footers


SAMPLE_NAMES = sorted({d for d in DRIVERS}, key=len, reverse=True)
NAME_RE = re.compile("|".join(re.escape(n) for n in SAMPLE_NAMES))
VENUE_NAMES = sorted({v[0] for v in VENUES}, key=len, reverse=True)
VENUE_RE = re.compile(r"\b(" + "|".join(re.escape(v) for v in VENUE_NAMES if v not in ("Hell",)) + r")\b")
YEAR_RE = re.compile(r"\b20(1[2-9]|2[0-4])\b")


class Generator:
    def __init__(self, seed, garble_every):
        self.rng = random.Random(seed)
        self.samples, self.dialogue, self.sample_headlines, self.footers = load_samples()
        self.garble_every = garble_every
        self.words = 0
        self.garbles = 0

    def slots(self):
        r = self.rng
        driver = r.choice(DRIVERS)
        venue, country, adjective = r.choice(VENUES)
        return {
            "driver": driver, "driver2": r.choice(DRIVERS), "surname": driver.split()[-1],
            "venue": venue, "country": country, "adjective": adjective, "year": r.choice(YEARS),
            "class": r.choice(CLASSES), "champ": r.choice(CHAMPIONSHIPS), "car": r.choice(CARS),
            "team": r.choice(TEAMS), "ordinal": r.choice(ORDINALS), "month": r.choice(MONTHS),
            "points": str(r.randint(1, 30)), "age": str(r.randint(15, 45)),
        }

    def substitute(self, sentence, s):
        """Swap the names, venues and years of a sample sentence for this article's own."""
        sentence = NAME_RE.sub(lambda m: s["driver"] if self.rng.random() < 0.5 else s["driver2"], sentence)
        sentence = VENUE_RE.sub(lambda m: s["venue"], sentence)
        return YEAR_RE.sub(s["year"], sentence)

    def maybe_garble(self, sentence):
        n = sentence.count(" ") + 1
        self.words += n
        # Sample sentences carry planted garbles already (about one per 40 words); templates
        # carry none, so garble templates a little more often to land near the target rate.
        if self.rng.random() < n / self.garble_every:
            self.garbles += 1
            return garble(sentence, self.rng)
        return sentence

    def sentence(self, s):
        r = self.rng
        if r.random() < 0.25:
            return self.substitute(r.choice(self.samples), s)
        return self.maybe_garble(r.choice(TEMPLATES).format(**self.slots() | {"driver": s["driver"]}))

    def article(self, target_bytes):
        r = self.rng
        s = self.slots()
        if r.random() < 0.3:
            head = self.substitute(r.choice(self.sample_headlines), s)
        else:
            head = r.choice(HEADLINES).format(**s)
        parts = [head]
        size = len(head.encode())
        while size < target_bytes:
            if r.random() < 0.15:
                if r.random() < 0.5:
                    p = self.substitute(r.choice(self.dialogue), s)
                else:
                    p = self.maybe_garble(r.choice(QUOTE_TEMPLATES).format(**s))
            else:
                p = " ".join(self.sentence(s) for _ in range(r.randint(2, 6)))
            parts.append(p)
            size += len(p.encode()) + 2
        if r.random() < 0.2:
            parts.append(r.choice(self.footers))
        return "\n\n".join(parts) + "\n"


def write(out, size_mb, layout, seed, files, garble_every):
    gen = Generator(seed, garble_every)
    total = int(size_mb * 1024 * 1024)
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = 0
    count = 0
    if layout == "small":
        while written < total:
            target = gen.rng.randint(3 * 1024, 10 * 1024 - 1500)
            text = gen.article(min(target, max(2500, total - written))).encode()
            d = out / f"d{count // 500:04d}"
            if count % 500 == 0:
                d.mkdir()
            (d / f"article-{count:06d}.txt").write_bytes(text)
            written += len(text)
            count += 1
    else:
        per_file = total // files
        for i in range(files):
            with open(out / f"big-{i:03d}.txt", "wb") as f:
                size = 0
                while size < per_file:
                    text = (gen.article(gen.rng.randint(3 * 1024, 9 * 1024)) + "\n").encode()
                    f.write(text)
                    size += len(text)
                written += size
                count += 1
    return count, written, gen


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20180415)
    ap.add_argument("--size-mb", type=float, default=1)
    ap.add_argument("--layout", choices=["small", "large"], default="small")
    ap.add_argument("--files", type=int, default=10, help="number of files for --layout large")
    ap.add_argument("--garble-every", type=float, default=75,
                    help="template sentences get one garble per this many words (sample sentences carry their own)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    count, written, gen = write(args.out, args.size_mb, args.layout, args.seed, args.files, args.garble_every)
    print(f"{args.out}: {count} files, {written} bytes (seed {args.seed}, layout {args.layout})", file=sys.stderr)


if __name__ == "__main__":
    main()
