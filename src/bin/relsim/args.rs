//! The command line, parsed with `lexopt`: which options each subcommand takes, their values
//! checked as they are read. An option a subcommand does not take is an error naming it.

use lexopt::{Arg, Parser, ValueExt};

use relsim::sim;
use relsim::sim::exercise::Side;

/// The subcommands, with what each takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// One run (weekly rows) or an ensemble summary.
    Run,
    /// One input varied over a range.
    Sweep,
    /// Two inputs varied over a grid.
    Sweep2,
    /// Two scenarios over the same seeds.
    Compare,
    /// The list of presets.
    Presets,
    /// One preset's JSON.
    Preset,
    /// Checks a scenario file.
    Validate,
    /// Checks an exercise file.
    ExerciseValidate,
    /// Plays an exercise with given decisions and prints the score.
    ExercisePlay,
    /// Ranks result files and counts the class's decisions.
    ExerciseBoard,
    /// The model's constants with their defaults, as a file to start from.
    Params,
    /// The robustness harness: each stylized fact over its family and perturbed constants.
    Robust,
    /// The class server: the site and the live-class API.
    Serve,
    /// The usage text.
    Help,
    /// The program's name and version.
    Version,
}

/// The options; each subcommand takes a subset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opt {
    Runs,
    Seed,
    Format,
    Param,
    From,
    To,
    Steps,
    X,
    XFrom,
    XTo,
    XSteps,
    Y,
    YFrom,
    YTo,
    YSteps,
    Threads,
    Decide,
    Result,
    Participant,
    Params,
    Fact,
    Pair,
    Stride,
    Out,
    Variants,
    Site,
    Db,
    Host,
    Port,
    ExpireDays,
}

impl Opt {
    const ALL: [Opt; 30] = [
        Opt::Runs,
        Opt::Seed,
        Opt::Format,
        Opt::Param,
        Opt::From,
        Opt::To,
        Opt::Steps,
        Opt::X,
        Opt::XFrom,
        Opt::XTo,
        Opt::XSteps,
        Opt::Y,
        Opt::YFrom,
        Opt::YTo,
        Opt::YSteps,
        Opt::Threads,
        Opt::Decide,
        Opt::Result,
        Opt::Participant,
        Opt::Params,
        Opt::Fact,
        Opt::Pair,
        Opt::Stride,
        Opt::Out,
        Opt::Variants,
        Opt::Site,
        Opt::Db,
        Opt::Host,
        Opt::Port,
        Opt::ExpireDays,
    ];

    fn name(self) -> &'static str {
        match self {
            Opt::Runs => "--runs",
            Opt::Seed => "--seed",
            Opt::Format => "--format",
            Opt::Param => "--param",
            Opt::From => "--from",
            Opt::To => "--to",
            Opt::Steps => "--steps",
            Opt::X => "--x",
            Opt::XFrom => "--x-from",
            Opt::XTo => "--x-to",
            Opt::XSteps => "--x-steps",
            Opt::Y => "--y",
            Opt::YFrom => "--y-from",
            Opt::YTo => "--y-to",
            Opt::YSteps => "--y-steps",
            Opt::Threads => "--threads",
            Opt::Decide => "--decide",
            Opt::Result => "--result",
            Opt::Participant => "--participant",
            Opt::Params => "--params",
            Opt::Fact => "--fact",
            Opt::Pair => "--pair",
            Opt::Stride => "--stride",
            Opt::Out => "--out",
            Opt::Variants => "--variants",
            Opt::Site => "--site",
            Opt::Db => "--db",
            Opt::Host => "--host",
            Opt::Port => "--port",
            Opt::ExpireDays => "--expire-days",
        }
    }
}

impl Command {
    const ALL: [Command; 15] = [
        Command::Run,
        Command::Sweep,
        Command::Sweep2,
        Command::Compare,
        Command::Presets,
        Command::Preset,
        Command::Validate,
        Command::ExerciseValidate,
        Command::ExercisePlay,
        Command::ExerciseBoard,
        Command::Params,
        Command::Robust,
        Command::Serve,
        Command::Help,
        Command::Version,
    ];

    fn name(self) -> &'static str {
        match self {
            Command::Run => "run",
            Command::Sweep => "sweep",
            Command::Sweep2 => "sweep2",
            Command::Compare => "compare",
            Command::Presets => "presets",
            Command::Preset => "preset",
            Command::Validate => "validate",
            Command::ExerciseValidate => "exercise validate",
            Command::ExercisePlay => "exercise play",
            Command::ExerciseBoard => "exercise board",
            Command::Params => "params",
            Command::Robust => "robust",
            Command::Serve => "serve",
            Command::Help => "help",
            Command::Version => "version",
        }
    }

    /// The output formats it offers, the default first.
    fn formats(self) -> &'static [(&'static str, Format)] {
        match self {
            Command::ExerciseBoard | Command::Robust => {
                &[("json", Format::Json), ("table", Format::Table)]
            }
            _ => &[("json", Format::Json), ("csv", Format::Csv)],
        }
    }

    /// Whether its last operand may be given any number of times (at least once).
    fn variadic(self) -> bool {
        self == Command::ExerciseBoard
    }

    /// The options this subcommand takes.
    fn options(self) -> &'static [Opt] {
        use Opt::*;
        match self {
            Command::Run => &[Runs, Seed, Threads, Params, Format],
            Command::Compare => &[Runs, Seed, Params, Variants, Threads, Format],
            Command::Sweep => &[Param, From, To, Steps, Runs, Seed, Params, Format],
            Command::Sweep2 => &[
                X, XFrom, XTo, XSteps, Y, YFrom, YTo, YSteps, Runs, Seed, Threads, Params, Format,
            ],
            Command::Params => &[Format],
            Command::Robust => &[Fact, Pair, Stride, Threads, Out, Format],
            Command::ExercisePlay => &[Decide, Runs, Result, Participant],
            Command::ExerciseBoard => &[Format],
            Command::Serve => &[Site, Db, Host, Port, ExpireDays],
            Command::Presets
            | Command::Preset
            | Command::Validate
            | Command::ExerciseValidate
            | Command::Help
            | Command::Version => &[],
        }
    }

    /// The names of its positional arguments.
    fn operands(self) -> &'static [&'static str] {
        match self {
            Command::Run
            | Command::Sweep
            | Command::Sweep2
            | Command::Validate
            | Command::ExerciseValidate
            | Command::ExercisePlay => &["FILE"],
            Command::ExerciseBoard => &["RESULT"],
            Command::Compare => &["A", "B"],
            Command::Preset => &["NAME"],
            Command::Presets
            | Command::Params
            | Command::Robust
            | Command::Serve
            | Command::Help
            | Command::Version => &[],
        }
    }

    /// Runs per ensemble when `--runs` is not given.
    fn default_runs(self) -> u32 {
        match self {
            Command::Sweep | Command::Sweep2 | Command::Compare => 200,
            // A play replays other futures only when asked.
            Command::ExercisePlay => 0,
            _ => 1,
        }
    }

    /// One usage line.
    fn usage(self) -> String {
        let mut line = format!("relsim {}", self.name());
        for o in self.operands() {
            line.push_str(&format!(" {o}"));
        }
        if self.variadic() {
            line.push_str("...");
        }
        let formats: Vec<&str> = self.formats().iter().map(|(name, _)| *name).collect();
        let formats = formats.join("|");
        for o in self.options() {
            let value = match o {
                Opt::Format => formats.as_str(),
                Opt::Decide => "[client:|supplier:]WEEK=OPTION",
                Opt::Result | Opt::Params | Opt::Out | Opt::Db => "FILE",
                Opt::Site => "DIR",
                Opt::Host => "IP",
                Opt::Port => "PORT",
                Opt::ExpireDays => "DAYS",
                Opt::Fact | Opt::Pair | Opt::Stride | Opt::Variants => "N",
                Opt::Participant => "NAME",
                Opt::Param | Opt::X | Opt::Y => "PATH",
                Opt::Runs | Opt::Steps | Opt::XSteps | Opt::YSteps | Opt::Threads => "N",
                Opt::Seed => "SEED",
                Opt::From | Opt::To | Opt::XFrom | Opt::XTo | Opt::YFrom | Opt::YTo => "X",
            };
            let again = if *o == Opt::Decide { "..." } else { "" };
            line.push_str(&format!(" [{} {value}]{again}", o.name()));
        }
        line
    }
}

/// The usage text of every subcommand.
pub fn usage() -> String {
    let mut text = String::from("usage:\n");
    for c in Command::ALL {
        text.push_str(&format!("  {}\n", c.usage()));
    }
    text.push_str(
        "FILE, A and B may be a path, - (standard input, once) or preset:NAME. relsim --version prints the version. --seed is a whole number 0..=18446744073709551615.\n",
    );
    text.push_str(
        "--params FILE overrides the model's constants (a JSON object of name: value, as \
         `relsim params` prints them; `relsim params --format csv` adds units, ranges and reasons).\n",
    );
    text.push_str(
        "An exercise FILE may be a path or builtin:NAME. --decide takes OPTION at the decision \
         moment of week WEEK (carry on elsewhere; in an exercise both sides play, say whose: \
         client:WEEK=OPTION, supplier:WEEK=OPTION, and `accept` answers the other side's proposal \
         of the moment before); with --runs N a play is also replayed over N other \
         futures (luck or skill). --result writes the play's result file (as the app's), which \
         exercise board reads like participants' files.\n",
    );
    text.push_str(
        "serve runs the class server: the site (--site, default dist) and the live-class API, \
         with its SQLite database (--db, default relsim.sqlite), on --host (default 127.0.0.1; \
         0.0.0.0 for the room's network) and --port (default 8080; 0 takes a free one); classes \
         are deleted after --expire-days (default 30, 1..=365).\n",
    );
    text
}

/// Output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Pretty JSON.
    #[default]
    Json,
    /// CSV with a header line.
    Csv,
    /// Aligned text for reading in a terminal (offered by `exercise board` only; the parser
    /// refuses it elsewhere).
    Table,
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq)]
pub struct Invocation {
    /// The subcommand.
    pub command: Command,
    /// Its positional arguments, as many as it takes.
    pub operands: Vec<String>,
    /// Runs per ensemble.
    pub runs: u32,
    /// Seed replacing the scenario's own.
    pub seed: Option<u64>,
    /// Output format.
    pub format: Format,
    /// The swept input's dotted path.
    pub param: Option<String>,
    /// First value of the sweep.
    pub from: Option<f64>,
    /// Last value of the sweep.
    pub to: Option<f64>,
    /// Points of the sweep.
    pub steps: Option<u32>,
    /// The grid's x axis: input path, first value, last value, points.
    pub x: GridAxis,
    /// The grid's y axis.
    pub y: GridAxis,
    /// Threads to run on (all the machine offers when not given).
    pub threads: Option<usize>,
    /// Exercise decisions: (week of the decision moment, option id), as given.
    pub decide: Vec<(u32, String)>,
    /// A two-sided exercise's decisions: (side, week of the decision moment, option id).
    pub pair_decide: Vec<(Side, u32, String)>,
    /// Where a play writes its result file.
    pub result: Option<String>,
    /// The participant's name in that result file.
    pub participant: Option<String>,
    /// A file of model constants overriding the defaults (and the scenario's own).
    pub params: Option<String>,
    /// The robustness harness: only this fact.
    pub fact: Option<u8>,
    /// The robustness harness: replay only this pair.
    pub pair: Option<u32>,
    /// The robustness harness: every this many pairs (1: all).
    pub stride: Option<u32>,
    /// The robustness harness: where the table is written as JSON.
    pub out: Option<String>,
    /// Compare: also answer "how sure is this?" over this many model variants.
    pub variants: Option<u32>,
    /// The class server's settings.
    pub serve: relsim::server::Config,
}

/// One axis of `sweep2` as given on the command line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridAxis {
    /// The input's dotted path.
    pub param: Option<String>,
    /// First value.
    pub from: Option<f64>,
    /// Last value.
    pub to: Option<f64>,
    /// Points.
    pub steps: Option<u32>,
}

/// Most threads `--threads` takes.
pub const MAX_THREADS: usize = 256;

fn steps(name: &str, value: &str) -> Result<u32, String> {
    value
        .parse()
        .map_err(|_| format!("{name}: '{value}' is not a whole number"))
}

fn finite(name: &str, v: &str) -> Result<f64, String> {
    v.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or(format!("{name}: '{v}' is not a finite number"))
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Invocation, String> {
    let mut p = Parser::from_args(args);
    let command = match p.next().map_err(|e| e.to_string())? {
        None => return Err("missing command (relsim --help lists them)".into()),
        Some(Arg::Short('h')) | Some(Arg::Long("help")) => Command::Help,
        Some(Arg::Short('V')) | Some(Arg::Long("version")) => Command::Version,
        Some(Arg::Value(v)) => {
            let mut name = v.string().map_err(|e| e.to_string())?;
            if name == "exercise" {
                name = exercise_verb(&mut p)?;
            }
            Command::ALL
                .into_iter()
                .find(|c| c.name() == name)
                .ok_or(format!(
                    "unknown command '{name}' (relsim --help lists them)"
                ))?
        }
        Some(other) => {
            return Err(format!(
                "{} before the command (relsim --help lists them)",
                describe(&other)
            ))
        }
    };
    let mut inv = Invocation {
        command,
        operands: Vec::new(),
        runs: command.default_runs(),
        seed: None,
        format: Format::Json,
        param: None,
        from: None,
        to: None,
        steps: None,
        x: GridAxis::default(),
        y: GridAxis::default(),
        threads: None,
        decide: Vec::new(),
        pair_decide: Vec::new(),
        result: None,
        participant: None,
        params: None,
        fact: None,
        pair: None,
        stride: None,
        out: None,
        variants: None,
        serve: Default::default(),
    };
    let cmd = command.name();
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        let name = match arg {
            Arg::Value(v) => {
                let v = v.string().map_err(|e| e.to_string())?;
                if inv.operands.len() == command.operands().len() && !command.variadic() {
                    return Err(format!("{cmd}: unexpected argument '{v}'"));
                }
                inv.operands.push(v);
                continue;
            }
            Arg::Long("help") | Arg::Short('h') => {
                inv.command = Command::Help;
                return Ok(inv);
            }
            Arg::Long(name) => format!("--{name}"),
            Arg::Short(c) => format!("-{c}"),
        };
        let Some(opt) = Opt::ALL.into_iter().find(|o| o.name() == name) else {
            return Err(format!("{cmd}: unknown option {name}"));
        };
        if !command.options().contains(&opt) {
            let takes: Vec<_> = command.options().iter().map(|o| o.name()).collect();
            let takes = if takes.is_empty() {
                "no options".to_string()
            } else {
                takes.join(", ")
            };
            return Err(format!(
                "{cmd}: option {name} does not apply (it takes {takes})"
            ));
        }
        let value = p
            .value()
            .map_err(|_| format!("{name} needs a value"))?
            .string()
            .map_err(|e| format!("{name}: {e}"))?;
        match opt {
            Opt::Runs => {
                inv.runs = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=sim::MAX_RUNS).contains(n))
                    .ok_or(format!(
                        "--runs: '{value}' is not a whole number in 1..={}",
                        sim::MAX_RUNS
                    ))?;
            }
            Opt::Seed => {
                inv.seed = Some(value.parse().map_err(|_| {
                    format!(
                        "--seed: '{value}' is not a whole number in 0..={}",
                        u64::MAX
                    )
                })?);
            }
            Opt::Format => {
                let offered = command.formats();
                inv.format = match offered.iter().find(|(name, _)| *name == value) {
                    Some((_, f)) => *f,
                    None => {
                        let names: Vec<&str> = offered.iter().map(|(n, _)| *n).collect();
                        return Err(format!("--format: '{value}' is not {}", names.join(" or ")));
                    }
                }
            }
            Opt::Decide => {
                // A side first (`supplier:26=fee_rise`) when both sides of an exercise play.
                let (side, rest) = match value.split_once(':') {
                    Some(("client", rest)) => (Some(Side::Client), rest),
                    Some(("supplier", rest)) => (Some(Side::Supplier), rest),
                    _ => (None, value.as_str()),
                };
                let (week, option) = rest
                    .split_once('=')
                    .and_then(|(w, o)| Some((w.trim().parse::<u32>().ok()?, o.trim())))
                    .filter(|(_, o)| !o.is_empty())
                    .ok_or(format!(
                        "--decide: '{value}' is not [client:|supplier:]WEEK=OPTION (a whole week number, '=', an option id)"
                    ))?;
                match side {
                    None => {
                        if inv.decide.iter().any(|(w, _)| *w == week) {
                            return Err(format!("--decide: week {week} is given twice"));
                        }
                        inv.decide.push((week, option.to_string()));
                    }
                    Some(side) => {
                        if inv
                            .pair_decide
                            .iter()
                            .any(|(s, w, _)| *s == side && *w == week)
                        {
                            return Err(format!(
                                "--decide: week {week} is given twice for that side"
                            ));
                        }
                        inv.pair_decide.push((side, week, option.to_string()));
                    }
                }
            }
            Opt::Result => inv.result = Some(value),
            Opt::Participant => inv.participant = Some(value),
            Opt::Params => inv.params = Some(value),
            Opt::Fact => {
                inv.fact = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|n| (1..=25).contains(n))
                        .ok_or(format!("--fact: '{value}' is not a fact number in 1..=25"))?,
                )
            }
            Opt::Pair => {
                inv.pair = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--pair: '{value}' is not a whole number"))?,
                )
            }
            Opt::Stride => {
                inv.stride = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|n| *n >= 1)
                        .ok_or(format!("--stride: '{value}' is not a whole number ≥ 1"))?,
                )
            }
            Opt::Out => inv.out = Some(value),
            Opt::Variants => {
                let most = sim::robust::how_sure::MAX_VARIANTS;
                inv.variants = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|n| (1..=most).contains(n))
                        .ok_or(format!(
                            "--variants: '{value}' is not a whole number in 1..={most}"
                        ))?,
                )
            }
            Opt::Site => inv.serve.site = value.into(),
            Opt::Db => inv.serve.db = value.into(),
            Opt::Host => inv.serve.host = relsim::server::Config::host(&value)?,
            Opt::Port => inv.serve.port = relsim::server::Config::port(&value)?,
            Opt::ExpireDays => inv.serve.expire_days = relsim::server::Config::expire_days(&value)?,
            Opt::Param => inv.param = Some(value),
            Opt::From => inv.from = Some(finite("--from", &value)?),
            Opt::To => inv.to = Some(finite("--to", &value)?),
            Opt::Steps => inv.steps = Some(steps(&name, &value)?),
            Opt::X => inv.x.param = Some(value),
            Opt::XFrom => inv.x.from = Some(finite(&name, &value)?),
            Opt::XTo => inv.x.to = Some(finite(&name, &value)?),
            Opt::XSteps => inv.x.steps = Some(steps(&name, &value)?),
            Opt::Y => inv.y.param = Some(value),
            Opt::YFrom => inv.y.from = Some(finite(&name, &value)?),
            Opt::YTo => inv.y.to = Some(finite(&name, &value)?),
            Opt::YSteps => inv.y.steps = Some(steps(&name, &value)?),
            Opt::Threads => {
                inv.threads = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|n| (1..=MAX_THREADS).contains(n))
                        .ok_or(format!(
                            "--threads: '{value}' is not a whole number in 1..={MAX_THREADS}"
                        ))?,
                );
            }
        }
    }
    if let Some(missing) = command.operands().get(inv.operands.len()) {
        return Err(format!("{cmd}: missing {missing}"));
    }
    Ok(inv)
}

/// The word after `exercise`: which exercise subcommand, as its full command name.
fn exercise_verb(p: &mut Parser) -> Result<String, String> {
    const VERBS: &str = "validate, play or board";
    match p.next().map_err(|e| e.to_string())? {
        Some(Arg::Value(v)) => {
            let verb = v.string().map_err(|e| e.to_string())?;
            if ["validate", "play", "board"].contains(&verb.as_str()) {
                Ok(format!("exercise {verb}"))
            } else {
                Err(format!("exercise: unknown subcommand '{verb}' ({VERBS})"))
            }
        }
        _ => Err(format!("exercise: missing subcommand ({VERBS})")),
    }
}

fn describe(arg: &Arg<'_>) -> String {
    match arg {
        Arg::Short(c) => format!("option -{c}"),
        Arg::Long(n) => format!("option --{n}"),
        Arg::Value(v) => format!("'{}'", v.to_string_lossy()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Result<Invocation, String> {
        parse(line.split_whitespace().map(String::from))
    }

    #[test]
    fn each_subcommand_takes_its_own_options() {
        let i = args("run preset:farbo --runs 5 --seed 18446744073709551615 --format csv").unwrap();
        assert_eq!(i.command, Command::Run);
        assert_eq!(i.operands, ["preset:farbo"]);
        assert_eq!((i.runs, i.seed, i.format), (5, Some(u64::MAX), Format::Csv));
        let i = args("compare a.json b.json --runs=7").unwrap();
        assert_eq!((i.operands.len(), i.runs), (2, 7));
        let e = args("compare a b --param x").unwrap_err();
        assert_eq!(
            e,
            "compare: option --param does not apply (it takes --runs, --seed, --params, --variants, --threads, --format)"
        );
        let e = args("run a --steps 3").unwrap_err();
        assert!(e.contains("option --steps does not apply"), "{e}");
        let e = args("presets --runs 3").unwrap_err();
        assert!(e.contains("presets: option --runs does not apply (it takes no options)"));
        assert!(args("run a --bogus 1")
            .unwrap_err()
            .contains("unknown option --bogus"));
        assert!(args("run a -x").unwrap_err().contains("unknown option -x"));
    }

    #[test]
    fn operands_are_counted() {
        assert_eq!(args("compare a").unwrap_err(), "compare: missing B");
        assert_eq!(args("run").unwrap_err(), "run: missing FILE");
        assert!(args("run a b")
            .unwrap_err()
            .contains("unexpected argument 'b'"));
        assert!(args("run a --runs")
            .unwrap_err()
            .contains("--runs needs a value"));
        assert_eq!(args("run a --help").unwrap().command, Command::Help);
        assert_eq!(args("--help").unwrap().command, Command::Help);
    }

    #[test]
    fn usage_lists_every_subcommand() {
        let u = usage();
        for c in Command::ALL {
            assert!(u.contains(&format!("relsim {}", c.name())), "{u}");
        }
        assert!(u.contains("relsim sweep FILE [--param PATH]"));
        assert!(u.contains(
            "relsim exercise play FILE [--decide [client:|supplier:]WEEK=OPTION]... [--runs N] [--result FILE] \
             [--participant NAME]"
        ));
        assert!(u.contains("relsim exercise board RESULT... [--format json|table]"));
    }

    #[test]
    fn exercise_subcommands_take_decisions_and_many_results() {
        let i = args("exercise play e.json --decide 26=repair --decide 52=carry_on").unwrap();
        assert_eq!(i.command, Command::ExercisePlay);
        assert_eq!(i.decide, [(26, "repair".into()), (52, "carry_on".into())]);
        assert_eq!(i.runs, 0);
        let i = args("exercise board a.json b.json c.json --format table").unwrap();
        assert_eq!((i.operands.len(), i.format), (3, Format::Table));
        assert_eq!(
            args("exercise board").unwrap_err(),
            "exercise board: missing RESULT"
        );
        assert_eq!(
            args("exercise board a --format csv").unwrap_err(),
            "--format: 'csv' is not json or table"
        );
        assert_eq!(
            args("run a --format table").unwrap_err(),
            "--format: 'table' is not json or csv"
        );
        for bad in ["26", "x=repair", "26=", "-1=repair"] {
            let e = args(&format!("exercise play e.json --decide {bad}")).unwrap_err();
            assert!(
                e.starts_with("--decide:") && e.contains("WEEK=OPTION"),
                "{bad}: {e}"
            );
        }
        assert_eq!(
            args("exercise play e --decide 3=a --decide 3=b").unwrap_err(),
            "--decide: week 3 is given twice"
        );
        assert!(args("exercise validate e --runs 3")
            .unwrap_err()
            .contains("exercise validate: option --runs does not apply"));
        assert_eq!(
            args("exercise").unwrap_err(),
            "exercise: missing subcommand (validate, play or board)"
        );
        assert!(args("exercise grade x")
            .unwrap_err()
            .contains("unknown subcommand 'grade'"));
        assert!(args("exercise play a b")
            .unwrap_err()
            .contains("unexpected argument 'b'"));
    }
}
