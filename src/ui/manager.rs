//! The relationship manager as a 2×2 picker: service orientation × business orientation, with
//! "no manager" beside it.

use leptos::prelude::*;

use super::controls::Text;
use super::state::{t, use_state};
use crate::sim::Role;

fn texts(role: Role) -> (Text, Text) {
    match role {
        Role::None => (|t| t.role_none, |t| t.desc_none),
        Role::Butler => (|t| t.role_butler, |t| t.desc_butler),
        Role::Accountant => (|t| t.role_accountant, |t| t.desc_accountant),
        Role::Representative => (|t| t.role_representative, |t| t.desc_representative),
        Role::Nanny => (|t| t.role_nanny, |t| t.desc_nanny),
    }
}

/// The name of a role in the interface language.
pub fn role_name(role: Role, t: &super::i18n::Strings) -> &'static str {
    texts(role).0(t)
}

/// The role picker.
#[component]
pub fn RolePicker() -> impl IntoView {
    let state = use_state();
    let current = Memo::new(move |_| state.current().with(|s| s.manager.role));
    let error = RwSignal::new(None::<String>);
    let button = move |role: Role| {
        let (name, desc) = texts(role);
        view! {
            <button
                type="button"
                class="role"
                data-testid=format!("role-{}", role.id())
                class:selected=move || current.get() == role
                aria-pressed=move || (current.get() == role).to_string()
                on:click=move |_| error.set(state.edit(|s| s.manager.role = role).err())
            >
                <strong>{move || name(t())}</strong>
                <span>{move || desc(t())}</span>
            </button>
        }
    };
    view! {
        <div class="role-picker" role="group" aria-label=move || t().sec_manager>
            <div class="role-grid">
                <span class="axis-y">{move || t().business_orientation}</span>
                {button(Role::Nanny)}
                {button(Role::Representative)}
                {button(Role::Accountant)}
                {button(Role::Butler)}
                <span class="axis-x">{move || t().service_orientation}</span>
            </div>
            {button(Role::None)}
            <p class="field-error" role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}
