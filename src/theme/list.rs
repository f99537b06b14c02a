//! The themes `t` cycles through. The built-in ones are read the first
//! time the list is used, not at start: each is a TOML file to parse, and
//! the first screen needs only the theme it is drawn in.

use super::Theme;

/// The built-in themes, the user's own, and the theme chosen at start if
/// it is neither (one loaded by path), in that order.
#[derive(Debug, Clone, Default)]
pub struct Themes {
    all: Vec<Theme>,
    /// The user's themes and the chosen one, while the built-in ones are
    /// still to be read and put before them.
    pending: Option<(Vec<Theme>, Theme)>,
}

impl Themes {
    /// The list of `user` themes (read at start, so a broken one is told
    /// then) and `chosen`, with the built-in themes to be read when the
    /// list is first used.
    pub fn new(user: Vec<Theme>, chosen: Theme) -> Self {
        Self {
            all: Vec::new(),
            pending: Some((user, chosen)),
        }
    }

    /// Exactly these themes, in this order.
    pub fn loaded(all: Vec<Theme>) -> Self {
        Self { all, pending: None }
    }

    /// Every theme, the built-in ones read now if they were not yet.
    pub fn all(&mut self) -> &[Theme] {
        if let Some((user, chosen)) = self.pending.take() {
            let mut all: Vec<Theme> = Theme::builtin_names()
                .into_iter()
                .filter_map(|n| Theme::builtin(n).ok())
                .chain(user)
                .collect();
            if !all.iter().any(|t| t.name == chosen.name) {
                all.push(chosen);
            }
            self.all = all;
        }
        &self.all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &mut Themes) -> Vec<String> {
        t.all().iter().map(|t| t.name.clone()).collect()
    }

    #[test]
    fn the_built_in_themes_come_first_then_the_users_then_the_chosen_one() {
        let user = Theme {
            name: "mine".into(),
            ..Theme::default_theme()
        };
        let by_path = Theme {
            name: "from-a-path".into(),
            ..Theme::default_theme()
        };
        let mut t = Themes::new(vec![user], by_path);
        let mut want: Vec<String> = Theme::builtin_names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        assert!(want.len() >= 4, "{want:?}");
        want.extend(["mine".to_owned(), "from-a-path".to_owned()]);
        assert_eq!(names(&mut t), want);
        // Read once: the list stays as it is.
        assert_eq!(names(&mut t), want);
    }

    #[test]
    fn a_chosen_theme_already_in_the_list_is_not_repeated() {
        let light = Theme::builtin("light").expect("light");
        let mut t = Themes::new(Vec::new(), light);
        let n = names(&mut t);
        assert_eq!(n.iter().filter(|n| *n == "light").count(), 1, "{n:?}");
        assert_eq!(n.len(), Theme::builtin_names().len());
    }

    #[test]
    fn every_built_in_theme_is_named_as_its_file() {
        // The start picks a built-in theme by its file's name without
        // reading the others; the name inside must agree.
        for n in Theme::builtin_names() {
            assert_eq!(Theme::builtin(n).expect("loads").name, n);
        }
    }
}
