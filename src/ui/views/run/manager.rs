//! The relationship manager as a 2×2 picker: service orientation × business orientation, with
//! "no manager" beside it.

use leptos::prelude::*;

use crate::sim::Role;
use crate::text::{names, Problem};
use crate::ui::app::state::{t, use_state};
use crate::ui::widgets::controls::FieldError;

/// The role picker.
#[component]
pub fn RolePicker() -> impl IntoView {
    let state = use_state();
    let current = Memo::new(move |_| state.current().with(|s| s.manager.role));
    let error = RwSignal::new(None::<Problem>);
    let button = move |role: Role| {
        view! {
            <button
                type="button"
                class="role"
                data-testid=format!("role-{}", role.id())
                class:selected=move || current.get() == role
                aria-pressed=move || (current.get() == role).to_string()
                on:click=move |_| error.set(state.edit(|s| s.manager.role = role).err())
            >
                <strong>{move || names::role(role, t()).0}</strong>
                <span>{move || names::role(role, t()).1}</span>
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
            <FieldError error />
        </div>
    }
}
